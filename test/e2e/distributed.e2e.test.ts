import { Redis } from 'ioredis';
import { afterAll } from 'vitest';
import {
  createTestDatabase,
  TEST_REDIS_URL,
  uniqueRedisPrefix,
  type TestDatabase,
} from '@watchpost/core/testing';
import { freePort, runRole, spawnRole, type RoleProcess } from '../support/processes.js';
import { waitForHealthy } from '../support/wait-for-healthy.js';
import { describeBehaviour } from './behaviour-suite.js';

// The distributed deployment as separate processes on the real Postgres and Redis: two API
// nodes, one scheduler, one worker.

let database: TestDatabase | undefined;
let env: Record<string, string> = {};

async function environment(): Promise<Record<string, string>> {
  if (!database) {
    database = await createTestDatabase();
    env = {
      DATABASE_URL: database.url,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: uniqueRedisPrefix('e2e'),
      MIN_INTERVAL_SECONDS: '1',
    };
  }
  return env;
}

afterAll(async () => {
  const redis = new Redis(TEST_REDIS_URL);
  const keys = await redis.keys(`${env.REDIS_PREFIX}:*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
  await database?.drop();
}, 30_000);

describeBehaviour({
  name: 'distributed',
  async createTenant(tenant) {
    const created = await runRole('apps/api/dist/admin/main.js', await environment(), [
      'create-tenant',
      ...['--name', tenant.name, '--username', tenant.username, '--password', tenant.password],
    ]);
    if (created.code !== 0) throw new Error(`create-tenant failed: ${created.stderr}`);
  },
  async start() {
    const base = await environment();
    const [portA, portB] = [await freePort(), await freePort()];
    const roles: RoleProcess[] = [
      spawnRole('api-a', 'apps/api/dist/main.js', { ...base, PORT: String(portA) }),
      spawnRole('api-b', 'apps/api/dist/main.js', { ...base, PORT: String(portB) }),
      spawnRole('scheduler', 'apps/scheduler/dist/main.js', base),
      spawnRole('worker', 'apps/worker/dist/main.js', { ...base, WORKER_CONCURRENCY: '10' }),
    ];
    const urls: [string, string] = [`http://127.0.0.1:${portA}`, `http://127.0.0.1:${portB}`];
    for (const url of urls) await waitForHealthy(url, roles);
    return {
      urls,
      stop: () => Promise.all(roles.map((r) => r.stop())),
      async storedBeatCount(monitorId) {
        const rows = await database!.db
          .selectFrom('heartbeats')
          .select('id')
          .where('monitor_id', '=', monitorId)
          .execute();
        return rows.length;
      },
    };
  },
});
