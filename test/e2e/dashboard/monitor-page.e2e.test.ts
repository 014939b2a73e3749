import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, spawnRole, type RoleProcess } from '../../support/processes.js';
import { startHttpTarget, type HttpTarget } from '../../support/targets.js';
import { waitForHealthy } from '../../support/wait-for-healthy.js';
import { EMBEDDED_ENV } from '../embedded-env.js';

// The monitor screens in real headless Chromium against `npm start`'s embedded process: add an
// HTTP monitor to a local target, see it up on its page, make its badge public, copy the
// badge's <img> tag and fetch the SVG it points at, then stop the target and see it down.
// By roles and labels only.

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
// The machine running the suite is shared; a beat every 2 s shows up well within this.
const STEP_TIMEOUT_MS = 60_000;

let dataDir: string;
let watchpost: RoleProcess;
let target: HttpTarget;
let browser: Browser;
let page: Page;
let baseUrl: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'watchpost-web-monitor-'));
  target = await startHttpTarget();
  const port = await freePort();
  watchpost = spawnRole('watchpost', 'apps/all-in-one/dist/main.js', {
    ...EMBEDDED_ENV,
    DATA_DIR: dataDir,
    PORT: String(port),
  });
  baseUrl = `http://127.0.0.1:${port}`;
  await waitForHealthy(baseUrl, [watchpost]);
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
  page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await watchpost?.stop();
  await target?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('the monitor screens in Chromium (embedded)', () => {
  it('adds an HTTP monitor, shows it up, hands out a public SVG badge, then shows it down', async () => {
    await page.goto(`${baseUrl}/setup`);
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password', { exact: true }).fill('e2e-secret-1');
    await page.getByLabel('Repeat password').fill('e2e-secret-1');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(/\/dashboard$/);

    await page.goto(`${baseUrl}/add`);
    await page.getByLabel('Friendly name').fill('Local target');
    await page.getByLabel('URL').fill(target.url);
    await page.getByLabel('Check interval (seconds)').fill('2');
    // Bad input: the server's message shows beside its field and nothing typed is lost.
    await page.getByLabel('Accepted status codes').fill('2xx');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByText('Accepted status codes must look like').count()).toBe(1);
    expect(await page.getByLabel('Friendly name').inputValue()).toBe('Local target');
    await page.getByLabel('Accepted status codes').fill('200-299');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/dashboard\/\d+$/);
    const monitorId = Number(new URL(page.url()).pathname.split('/').pop());

    await page.getByRole('heading', { level: 1, name: 'Local target' }).waitFor();
    const recent = page.getByRole('list', { name: 'Recent checks' });
    await recent
      .getByRole('listitem', { name: /^Up at/ })
      .first()
      .waitFor();
    expect(target.hits()).toBeGreaterThan(0);

    // The switch is the monitor's badgesPublic: it turns on once the server saved it.
    await page.getByLabel('Public badge').click();
    await page.getByText('Badges are public now.').waitFor();
    expect(await page.getByLabel('Public badge').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Copy <img> tag' }).click();
    const imgTag = String(await page.evaluate('navigator.clipboard.readText()'));
    const src = /src="([^"]+)"/.exec(imgTag)?.[1]?.replace(/&amp;/g, '&');
    expect(src).toBe(`${baseUrl}/api/badge/${monitorId}/status`);

    const badge = await fetch(src!);
    expect(badge.status).toBe(200);
    expect(badge.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    const svg = await badge.text();
    expect(svg).toContain('<svg');
    expect(svg).toContain('Up');

    // The target goes away: the page shows the Down beat and the event, live.
    await target.stop();
    await recent
      .getByRole('listitem', { name: /^Down at/ })
      .first()
      .waitFor();
    const events = page.getByRole('table');
    await events.getByRole('cell', { name: 'Down', exact: true }).first().waitFor();
  }, 240_000);
});
