import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, spawnRole, type RoleProcess } from '../../support/processes.js';
import { waitForHealthy } from '../../support/wait-for-healthy.js';
import { EMBEDDED_ENV } from '../embedded-env.js';

// The dashboard's admin screens in real headless Chromium against an embedded `npm start`:
// an API key made in Settings reads /metrics; a status page made in the dashboard opens for a
// visitor who is not logged in; a notification's Test reaches a local receiver; a maintenance
// window refused for a missing weekday keeps what was typed, then is scheduled. Everything is
// found by role and label, as a person would.

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const ADMIN = { username: 'admin', password: 'admin-pass-1' };
const JOURNEY_MS = 120_000;
// PGlite's first start (initdb and migrations) is slow on a busy machine.
const STARTUP_MS = 180_000;

let dataDir: string;
let server: RoleProcess;
let baseUrl: string;
let browser: Browser;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'watchpost-web-admin-'));
  const port = await freePort();
  server = spawnRole('watchpost', 'apps/all-in-one/dist/main.js', {
    ...EMBEDDED_ENV,
    DATA_DIR: dataDir,
    PORT: String(port),
  });
  baseUrl = `http://127.0.0.1:${port}`;
  await waitForHealthy(baseUrl, [server], STARTUP_MS);
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  await setUpFirstAdmin();
}, STARTUP_MS + JOURNEY_MS);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

/** Creates the first admin through the setup page, as a new user would. */
async function setUpFirstAdmin(): Promise<void> {
  const page = await browser.newPage();
  await page.goto(`${baseUrl}/dashboard`);
  await page.getByLabel('Username').fill(ADMIN.username);
  await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
  await page.getByLabel('Repeat password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('button', { name: 'Log out' }).waitFor();
  await page.close();
}

async function signedInPage(): Promise<Page> {
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/dashboard`);
  await page.getByLabel('Username').fill(ADMIN.username);
  await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('button', { name: 'Log out' }).waitFor();
  return page;
}

function metrics(key: string): Promise<Response> {
  const basic = Buffer.from(`prometheus:${key}`).toString('base64');
  return fetch(`${baseUrl}/metrics`, { headers: { authorization: `Basic ${basic}` } });
}

describe('dashboard admin screens', () => {
  it(
    'creates an API key in Settings, copies it once and reads /metrics with it; a status page opens logged out',
    async () => {
      const page = await signedInPage();

      await page.goto(`${baseUrl}/settings/api-keys`);
      await page.getByRole('button', { name: 'Add API key' }).click();
      await page.getByLabel('Name').fill('Prometheus');
      await page.getByRole('button', { name: 'Generate' }).click();
      await page.getByRole('heading', { name: 'Your new API key' }).waitFor();
      const shown = await page.getByLabel('API key', { exact: true }).inputValue();
      expect(shown).toMatch(/^uk\d+_[A-Za-z0-9_-]{40}$/);
      await page.getByRole('button', { name: 'Copy key' }).click();
      // A string, so the test's own (Node) types need no DOM: it runs in the page.
      const copied = String(await page.evaluate('navigator.clipboard.readText()'));
      expect(copied).toBe(shown);
      await page.getByRole('button', { name: 'Close' }).click();
      await page.getByText('Never used').waitFor();

      const scrape = await metrics(copied);
      expect(scrape.status).toBe(200);
      expect(scrape.headers.get('content-type')).toContain('text/plain');
      expect((await metrics(`${copied.slice(0, -1)}x`)).status).toBe(401);

      // A refused slug is shown next to its field, and the form keeps what was typed.
      await page.goto(`${baseUrl}/add-status-page`);
      await page.getByLabel('Name').fill('Acme status');
      await page.getByLabel('Slug').fill('not a slug!');
      await page.getByRole('button', { name: 'Next' }).click();
      await expect.poll(() => page.getByRole('alert').first().textContent()).toBe('Invalid Slug');
      expect(await page.getByLabel('Name').inputValue()).toBe('Acme status');

      await page.getByLabel('Slug').fill('acme');
      await page.getByRole('button', { name: 'Next' }).click();
      await page.getByRole('heading', { name: 'Edit status page: Acme status' }).waitFor();
      await page.getByLabel('Description').fill('Everything Acme runs.');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByText('Status page saved.').waitFor();

      await page.getByRole('button', { name: 'Log out' }).click();
      await page.getByRole('button', { name: 'Log in' }).waitFor();

      const visitor = await browser.newPage();
      const response = await visitor.goto(`${baseUrl}/status/acme`);
      expect(response?.status()).toBe(200);
      await visitor.getByText('Everything Acme runs.').waitFor();
      expect(await visitor.title()).toContain('Acme status');
    },
    JOURNEY_MS,
  );

  it(
    'tests a webhook notification against a local receiver and schedules maintenance, with a refused input shown at its field',
    async () => {
      const received: unknown[] = [];
      const receiver = createServer((request, response) => {
        let body = '';
        request.on('data', (chunk: Buffer) => (body += chunk.toString()));
        request.on('end', () => {
          received.push(JSON.parse(body));
          response.end('ok');
        });
      });
      await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
      const { port } = receiver.address() as AddressInfo;
      try {
        const page = await signedInPage();
        await page.goto(`${baseUrl}/settings/notifications`);
        await page.getByRole('button', { name: 'Add notification' }).click();
        await page.getByLabel('Notification type').selectOption('webhook');
        await page.getByLabel('Friendly name').fill('Local hook');
        await page.getByLabel('Post URL').fill(`http://127.0.0.1:${port}/hook`);
        await page.getByRole('button', { name: 'Test' }).click();
        await page.getByText('Sent Successfully.').waitFor();
        expect(received).toEqual([expect.objectContaining({ msg: 'Local hook Testing' })]);
        await page.getByRole('button', { name: 'Save', exact: true }).click();
        await page.getByRole('listitem').filter({ hasText: 'Local hook' }).waitFor();

        await page.goto(`${baseUrl}/add-maintenance`);
        await page.getByLabel('Title').fill('Weekly reboot');
        await page.getByLabel('Strategy').selectOption('recurring-weekday');
        await page.getByRole('button', { name: 'Save', exact: true }).click();
        await page.getByText('Choose at least one weekday.').waitFor();
        expect(await page.getByLabel('Title').inputValue()).toBe('Weekly reboot');
        await page.getByLabel('Sunday').check();
        await page.getByRole('button', { name: 'Save', exact: true }).click();
        const row = page.getByRole('listitem').filter({ hasText: 'Weekly reboot' });
        await row.getByText('Scheduled').waitFor();
        await row.getByRole('button', { name: 'Pause' }).click();
        await row.getByText('Paused').waitFor();
      } finally {
        receiver.close();
      }
    },
    JOURNEY_MS,
  );
});
