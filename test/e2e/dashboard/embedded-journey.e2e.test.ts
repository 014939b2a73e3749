import { rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedDataDirFromTemplate } from '@watchpost/core/testing';
import { freePort, spawnRole, type RoleProcess } from '../../support/processes.js';
import { startHttpTarget, type HttpTarget } from '../../support/targets.js';
import { waitForHealthy } from '../../support/wait-for-healthy.js';
import { EMBEDDED_ENV } from '../embedded-env.js';
import { launchChromium } from './chromium.js';
import { checkListFiltersAndBulkActions } from './list-actions.js';
import { runDashboardJourney, signedInPage, type JourneyDeployment } from './journey.js';

// The dashboard as a person meets it after `npm start`: the journey in real Chromium
// against the embedded deployment, then what only this deployment shows cheaply (the server
// restarting under an open page) and the admin screens the journey does not pass through.

// Starting is slow on a busy machine, even on a data directory that starts migrated (the
// first start on an empty one is embedded-restart.e2e.test.ts's).
const STARTUP_MS = 180_000;
const JOURNEY_MS = 240_000;

let dataDir: string;
let watchpost: RoleProcess;
let port: number;
let target: HttpTarget;
let browser: Browser;
let deployment: JourneyDeployment;

beforeAll(async () => {
  dataDir = await embeddedDataDirFromTemplate('dashboard');
  port = await freePort();
  await startWatchpost();
  target = await startHttpTarget();
  browser = await launchChromium();
  deployment = {
    browser,
    baseUrl: `http://127.0.0.1:${port}`,
    target,
    // Embedded mode has one owner: its domains route as soon as they are saved.
    verifiesDomainsByDns: false,
  };
}, STARTUP_MS);

async function startWatchpost(): Promise<void> {
  watchpost = spawnRole('watchpost', 'apps/all-in-one/dist/main.js', {
    ...EMBEDDED_ENV,
    DATA_DIR: dataDir,
    PORT: String(port),
  });
  await waitForHealthy(`http://127.0.0.1:${port}`, [watchpost], STARTUP_MS);
}

afterAll(async () => {
  await browser?.close();
  await target?.close();
  await watchpost?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('the dashboard on the embedded deployment', () => {
  it(
    'runs the journey; a restarted server shows a banner, then the page resynchronises by itself',
    async () => {
      const { page, errors } = await runDashboardJourney(deployment);

      await watchpost.stop();
      await page.getByText('Connection lost. Reconnecting…').waitFor();
      await startWatchpost();
      await page
        .getByText('Connection lost. Reconnecting…')
        .waitFor({ state: 'detached', timeout: 60_000 });
      await page.getByRole('link', { name: /Local target/ }).waitFor();
      expect(errors).toEqual([]);
    },
    JOURNEY_MS + STARTUP_MS,
  );

  it('tests a webhook notification against a local receiver and schedules maintenance, with a refused input shown at its field', async () => {
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
    const { port: receiverPort } = receiver.address() as AddressInfo;
    try {
      const page = await signedInPage(deployment);
      await page.goto(`${deployment.baseUrl}/settings/notifications`);
      await page.getByRole('button', { name: 'Add notification' }).click();
      await page.getByLabel('Notification type').selectOption('webhook');
      await page.getByLabel('Friendly name').fill('Local hook');
      await page.getByLabel('Post URL').fill(`http://127.0.0.1:${receiverPort}/hook`);
      await page.getByRole('button', { name: 'Test' }).click();
      await page.getByText('Sent Successfully.').waitFor();
      expect(received).toEqual([expect.objectContaining({ msg: 'Local hook Testing' })]);
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByRole('listitem').filter({ hasText: 'Local hook' }).waitFor();

      await page.goto(`${deployment.baseUrl}/add-maintenance`);
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
  }, 120_000);

  it('filters the monitor list by search, tag, type and status, and pauses and resumes in bulk', async () => {
    await checkListFiltersAndBulkActions(deployment);
  }, 120_000);
});
