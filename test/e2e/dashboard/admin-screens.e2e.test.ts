import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, spawnRole, type RoleProcess } from '../../support/processes.js';
import { waitForHealthy } from '../../support/wait-for-healthy.js';
import { EMBEDDED_ENV } from '../embedded-env.js';

// The dashboard's admin screens in real headless Chromium against an embedded `npm start`:
// an API key made in Settings reads /metrics, and a status page made in the dashboard opens
// for a visitor who is not logged in. Everything is found by role and label, as a person would.

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
  await waitForHealthy(baseUrl, [server]);
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}, JOURNEY_MS);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

async function signedInPage(): Promise<Page> {
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/dashboard`);
  await page.getByLabel('Username').fill(ADMIN.username);
  await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
  await page.getByLabel('Repeat password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Create account' }).click();
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
      const shown = await page.getByLabel('API key', { exact: true }).inputValue();
      expect(shown).toMatch(/^uk\d+_[A-Za-z0-9_-]{40}$/);
      await page.getByRole('button', { name: 'Copy key' }).click();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
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
});
