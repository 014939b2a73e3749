import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectKumaTestClient } from '@watchpost/core/testing';
import { freePort, spawnRole, type RoleProcess } from '../../support/processes.js';
import { startHttpTarget, type HttpTarget } from '../../support/targets.js';
import { waitForHealthy } from '../../support/wait-for-healthy.js';
import { EMBEDDED_ENV } from '../embedded-env.js';
import { launchChromium, openPage } from './chromium.js';

// The dashboard as a person meets it after `npm start`: real Chromium against the embedded
// deployment, found by roles and labels only.

const ADMIN = { username: 'admin', password: 'dashboard1' };
const UI_TIMEOUT = { timeout: 15_000 };

let dataDir: string;
let watchpost: RoleProcess;
let port: number;
let url: string;
let target: HttpTarget;
let browser: Browser;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'watchpost-dashboard-'));
  port = await freePort();
  url = `http://127.0.0.1:${port}`;
  await startWatchpost();
  target = await startHttpTarget();
  browser = await launchChromium();
}, 120_000);

async function startWatchpost(): Promise<void> {
  watchpost = spawnRole('watchpost', 'apps/all-in-one/dist/main.js', {
    ...EMBEDDED_ENV,
    DATA_DIR: dataDir,
    PORT: String(port),
  });
  await waitForHealthy(url, [watchpost]);
}

afterAll(async () => {
  await browser?.close();
  await target?.close();
  await watchpost?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('the dashboard on the embedded deployment', () => {
  it('sets up the first admin, shows a monitor live, logs out and in again', async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(`${url}/`);
    await page.waitForURL('**/setup', UI_TIMEOUT);

    await page.getByLabel('Username').fill(ADMIN.username);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByLabel('Repeat password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL('**/dashboard', UI_TIMEOUT);
    await expect.poll(() => page.getByText('No monitors yet.').isVisible(), UI_TIMEOUT).toBe(true);

    // Another client adds a monitor: the open list shows it without a reload, then its beat.
    const kuma = await connectKumaTestClient(url, { callTimeoutMs: 10_000 });
    try {
      await kuma.login(ADMIN);
      const added = await kuma.call<{ ok: boolean }>('add', {
        type: 'http',
        name: 'Local target',
        url: target.url,
        interval: 1,
        retryInterval: 1,
        maxretries: 0,
        accepted_statuscodes: ['200-299'],
        notificationIDList: {},
      });
      expect(added.ok).toBe(true);
    } finally {
      kuma.close();
    }
    const row = page.getByRole('link', { name: /Local target/ });
    await row.waitFor(UI_TIMEOUT);
    await expect
      .poll(() => row.getByText('Up', { exact: true }).isVisible(), UI_TIMEOUT)
      .toBe(true);
    await expect
      .poll(() => page.getByRole('list', { name: 'Monitor counts' }).innerText(), UI_TIMEOUT)
      .toContain('1 Up');

    // The server goes away: a banner says so; it comes back: the page logs in again by itself
    // and shows the list, without a reload.
    await watchpost.stop();
    await page.getByText('Connection lost. Reconnecting…').waitFor(UI_TIMEOUT);
    await startWatchpost();
    await page
      .getByText('Connection lost. Reconnecting…')
      .waitFor({ state: 'detached', timeout: 30_000 });
    await page.getByRole('link', { name: /Local target/ }).waitFor(UI_TIMEOUT);

    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('heading', { name: 'Log in to Watchpost' }).waitFor(UI_TIMEOUT);
    await page.getByLabel('Username').fill(ADMIN.username);
    await page.getByLabel('Password').fill('wrong password');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByText('Incorrect username or password.').waitFor(UI_TIMEOUT);
    // The form keeps what was typed; only the password is corrected.
    expect(await page.getByLabel('Username').inputValue()).toBe(ADMIN.username);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('link', { name: /Local target/ }).waitFor(UI_TIMEOUT);
    expect(errors).toEqual([]);
  }, 120_000);
});
