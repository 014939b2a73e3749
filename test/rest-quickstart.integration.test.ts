import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  createApiTestContext,
  type ApiTestContext,
} from '../apps/api/src/testing/api-test-context.js';
import { createRestTenant, type RestTenant } from '../apps/api/src/testing/rest-test-kit.js';
import { createPipelineRoles } from './support/pipeline-roles.js';

const run = promisify(execFile);
const SCRIPT = new URL('../docs/examples/rest-quickstart.sh', import.meta.url).pathname;

let ctx: ApiTestContext;
let roles: ReturnType<typeof createPipelineRoles>;
let target: Server;
let alice: RestTenant;

beforeAll(async () => {
  ctx = await createApiTestContext('rest-quickstart');
  roles = createPipelineRoles(ctx.db, ctx.redisPrefix);
  await roles.startScheduler();
  await roles.startWorker();
  target = createServer((_request, response) => response.end('hello'));
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
  alice = await createRestTenant(ctx, 'alice');
});
afterAll(async () => {
  await roles.close();
  await new Promise((resolve) => target.close(resolve));
  await ctx.close();
});

it('docs/examples/rest-quickstart.sh creates a monitor, waits for UP and prints its uptime', async () => {
  const { port } = target.address() as AddressInfo;
  const { stdout } = await run('bash', [SCRIPT], {
    env: {
      PATH: process.env['PATH'],
      WATCHPOST_URL: ctx.node.url,
      WATCHPOST_API_KEY: alice.writeKey,
      TARGET_URL: `http://127.0.0.1:${port}/`,
      WAIT_SECONDS: '60',
    },
    timeout: 90_000,
  });
  expect(stdout).toMatch(/created monitor (\d+)/);
  expect(stdout).toContain('is UP');
  expect(stdout).toMatch(/uptime over 24h: 1\b/);
  expect(stdout).toMatch(/average response time: \d+ ms/);
}, 120_000);
