// Screenshots of the dashboard for docs/screenshots/ (shown in the README): light, dark and
// 375 px wide, against an embedded server with a few monitors (up, down, paused, a group,
// tags). Not a test: `npm run screenshots:dashboard`, then look at the pictures.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { connectKumaTestClient } from '@watchpost/core/testing';
import { freePort, spawnRole } from '../../support/processes.js';
import { screenshotDir } from '../../support/screenshot-dir.js';
import { startHttpTarget } from '../../support/targets.js';
import { waitForHealthy } from '../../support/wait-for-healthy.js';
import { EMBEDDED_ENV } from '../embedded-env.js';
import { launchChromium } from './chromium.js';

const OUT = screenshotDir();
const ADMIN = { username: 'admin', password: 'screens1' };

const dataDir = await mkdtemp(join(tmpdir(), 'watchpost-screens-'));
const port = await freePort();
const watchpost = spawnRole('watchpost', 'apps/all-in-one/dist/main.js', {
  ...EMBEDDED_ENV,
  DATA_DIR: dataDir,
  PORT: String(port),
});
const url = `http://127.0.0.1:${port}`;
const target = await startHttpTarget();
const browser = await launchChromium();
try {
  await waitForHealthy(url, [watchpost]);
  const setup = await browser.newPage({ viewport: { width: 1280, height: 760 } });
  await setup.goto(`${url}/setup`);
  await setup.getByLabel('Username').waitFor();
  await setup.screenshot({ path: `${OUT}setup.png` });
  await setup.getByLabel('Username').fill(ADMIN.username);
  await setup.getByLabel('Password', { exact: true }).fill(ADMIN.password);
  await setup.getByLabel('Repeat password').fill(ADMIN.password);
  await setup.getByRole('button', { name: 'Create account' }).click();
  await setup.waitForURL('**/dashboard');

  const kuma = await connectKumaTestClient(url, { callTimeoutMs: 10_000 });
  await kuma.login(ADMIN);
  const add = async (fields: Record<string, unknown>) =>
    (
      await kuma.call<{ monitorID: number }>('add', {
        interval: 2,
        retryInterval: 2,
        maxretries: 0,
        accepted_statuscodes: ['200-299'],
        notificationIDList: {},
        ...fields,
      })
    ).monitorID;
  const shop = await add({ type: 'group', name: 'Shop' });
  const api = await add({ type: 'http', name: 'Shop API', url: target.url, parent: shop });
  await add({ type: 'http', name: 'Checkout', url: `${target.url}checkout`, parent: shop });
  await add({ type: 'http', name: 'Marketing site', url: target.url });
  await add({ type: 'port', name: 'Legacy database', hostname: '127.0.0.1', port: 1 });
  const paused = await add({ type: 'http', name: 'Staging', url: target.url });
  await kuma.call('pauseMonitor', paused);
  const tag = await kuma.call<{ tag: { id: number } }>('addTag', {
    name: 'prod',
    color: '#2563eb',
  });
  await kuma.call('addMonitorTag', tag.tag.id, api, 'eu-west');
  kuma.close();
  // A few beats each, so the bars and figures show something.
  await new Promise((resolve) => setTimeout(resolve, 12_000));

  const shoot = async (
    name: string,
    options: { width: number; height: number; dark?: boolean },
  ) => {
    const context = await browser.newContext({
      viewport: { width: options.width, height: options.height },
      colorScheme: options.dark ? 'dark' : 'light',
    });
    const page: Page = await context.newPage();
    await page.goto(`${url}/dashboard`);
    await page.getByLabel('Username').fill(ADMIN.username);
    await page.getByLabel('Password').fill(ADMIN.password);
    if (name === 'login') await page.screenshot({ path: `${OUT}${name}.png` });
    else {
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.getByRole('link', { name: /Marketing site/ }).waitFor();
      await new Promise((resolve) => setTimeout(resolve, 500));
      await page.screenshot({ path: `${OUT}${name}.png` });
    }
    await context.close();
  };
  await shoot('login', { width: 1280, height: 760 });
  await shoot('dashboard-light', { width: 1280, height: 760 });
  await shoot('dashboard-dark', { width: 1280, height: 760, dark: true });
  await shoot('dashboard-375', { width: 375, height: 812 });
  console.log(`screenshots in ${OUT}`);
} finally {
  await browser.close();
  await target.close();
  await watchpost.stop();
  await rm(dataDir, { recursive: true, force: true });
}
