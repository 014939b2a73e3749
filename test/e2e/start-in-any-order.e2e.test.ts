import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readBuildSchemaVersion, formatSchemaVersion } from '@watchpost/core/db';
import { createTestDatabase, TEST_REDIS_URL, waitFor } from '@watchpost/core/testing';
import { freshDistributedEnv, health, setUpAndSeeFirstBeat } from '../support/fresh-deployment.js';
import { freePort, runRole, spawnRole, type RoleProcess } from '../support/processes.js';
import { startHttpTarget, type HttpTarget } from '../support/targets.js';
import { waitForHealthy } from '../support/wait-for-healthy.js';

// Architecture rule 12: the distributed roles started together, as `docker compose up` or
// Kubernetes starts them, on a database nobody has created or migrated yet.

const SCHEMA = formatSchemaVersion(readBuildSchemaVersion());
let target: HttpTarget;
let running: RoleProcess[] = [];
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  target = await startHttpTarget();
});
afterEach(async () => {
  await Promise.all(running.map((r) => r.stop()));
  running = [];
  for (const cleanup of cleanups.splice(0)) await cleanup();
}, 60_000);
afterAll(async () => target?.close());

function spawn(name: string, entry: string, env: Record<string, string>): RoleProcess {
  const role = spawnRole(name, entry, env);
  running.push(role);
  return role;
}

function stillRunning(roles: RoleProcess[]): void {
  for (const role of roles)
    expect(role.child.exitCode, `${role.name}\n${role.output()}`).toBeNull();
}

describe('starting the distributed roles in any order', () => {
  it('checks a monitor when api, worker and scheduler start at the same moment', async () => {
    const fresh = freshDistributedEnv('anyorder');
    cleanups.push(fresh.drop);
    const port = await freePort();
    const roles = [
      spawn('api', 'apps/api/dist/main.js', { ...fresh.env, PORT: String(port) }),
      spawn('worker', 'apps/worker/dist/main.js', fresh.env),
      spawn('scheduler', 'apps/scheduler/dist/main.js', fresh.env),
    ];
    const api = `http://127.0.0.1:${port}`;
    await waitForHealthy(api, roles);
    await setUpAndSeeFirstBeat(api, target.url);
    stillRunning(roles);
  }, 120_000);

  it('keeps worker and scheduler waiting, live but not ready, until an API node migrates', async () => {
    const fresh = freshDistributedEnv('apilate');
    cleanups.push(fresh.drop);
    const [workerOps, schedulerOps, port] = [await freePort(), await freePort(), await freePort()];
    const early = [
      spawn('worker', 'apps/worker/dist/main.js', {
        ...fresh.env,
        OPERATOR_METRICS_PORT: String(workerOps),
      }),
      spawn('scheduler', 'apps/scheduler/dist/main.js', {
        ...fresh.env,
        OPERATOR_METRICS_PORT: String(schedulerOps),
      }),
    ];
    const opsUrls = [workerOps, schedulerOps].map((p) => `http://127.0.0.1:${p}`);
    for (const [i, role] of early.entries()) {
      await waitFor(() => role.output().includes(`waiting for database schema ${SCHEMA}`), {
        timeoutMs: 60_000,
        what: `${role.name} to say it waits`,
      });
      expect(await health(opsUrls[i]!, '/healthz/live')).toEqual({
        status: 200,
        body: { ok: true },
      });
      expect(await health(opsUrls[i]!, '/healthz/ready')).toMatchObject({
        status: 503,
        body: { ok: false, failed: expect.arrayContaining(['database', 'schema']) },
      });
    }
    stillRunning(early);

    const api = spawn('api', 'apps/api/dist/main.js', { ...fresh.env, PORT: String(port) });
    const url = `http://127.0.0.1:${port}`;
    await waitForHealthy(url, [api, ...early]);
    for (const ops of opsUrls) {
      await waitFor(async () => (await health(ops, '/healthz/ready'))?.status === 200, {
        timeoutMs: 60_000,
        what: `${ops} ready`,
      });
    }
    await setUpAndSeeFirstBeat(url, target.url);
    stillRunning([api, ...early]);
  }, 180_000);

  it('refuses to start a worker on a database migrated past its build, saying why', async () => {
    const database = await createTestDatabase();
    cleanups.push(database.drop);
    await database.db
      .insertInto('schema_migrations')
      .values({ name: '9999_from_a_newer_build.sql' })
      .execute();
    const result = await runRole(
      'apps/worker/dist/main.js',
      { DATABASE_URL: database.url, REDIS_URL: TEST_REDIS_URL },
      [],
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `watchpost: The database schema is at 9999, newer than ${SCHEMA} this build was made for`,
    );
  }, 60_000);
});
