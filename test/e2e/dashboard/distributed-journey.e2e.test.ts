import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDistributedEnv } from '../../support/fresh-deployment.js';
import { freePort, spawnRole, type RoleProcess } from '../../support/processes.js';
import { startHttpTarget, type HttpTarget } from '../../support/targets.js';
import { waitForHealthy } from '../../support/wait-for-healthy.js';
import { launchChromium } from './chromium.js';
import { runDashboardJourney } from './journey.js';

// The journey in real Chromium against the distributed deployment as separate
// processes on the real Postgres and Redis: an API node (which also serves the dashboard),
// the scheduler and a worker.

const JOURNEY_MS = 240_000;

const deployment = freshDistributedEnv('dashboard');
// spawnRole's test policies let it reach the loopback target and start at /setup.
const env = deployment.env;
let roles: RoleProcess[] = [];
let baseUrl: string;
let target: HttpTarget;
let browser: Browser;

beforeAll(async () => {
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  roles = [spawnRole('api', 'apps/api/dist/main.js', { ...env, PORT: String(port) })];
  // The API node creates the database; the other roles start once it answers.
  await waitForHealthy(baseUrl, roles);
  roles.push(
    spawnRole('scheduler', 'apps/scheduler/dist/main.js', env),
    spawnRole('worker', 'apps/worker/dist/main.js', env),
  );
  target = await startHttpTarget();
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await target?.close();
  await Promise.all(roles.map((role) => role.stop()));
  await deployment.drop();
}, 30_000);

describe('the dashboard on the distributed deployment', () => {
  it(
    'runs the journey',
    async () => {
      const { errors } = await runDashboardJourney({
        browser,
        baseUrl,
        target,
        verifiesDomainsByDns: true,
      });
      expect(errors).toEqual([]);
    },
    JOURNEY_MS,
  );
});
