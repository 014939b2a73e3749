import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monitorInputSchema } from '@watchpost/core';
import { monitorRepository, tenantRepository } from '@watchpost/core/db';
import { parseEgressPolicy } from '@watchpost/core/egress';
import {
  createTestDatabase,
  uniqueRedisPrefix,
  waitFor,
  type TestDatabase,
} from '@watchpost/core/testing';
import { createPipelineRoles } from './support/pipeline-roles.js';
import { startHttpTarget, type HttpTarget } from './support/targets.js';

// The whole check pipeline (scheduler, BullMQ, worker, beat writer) under the `public-only`
// egress policy a distributed deployment defaults to (architecture rule 10): a tenant's
// monitors of internal addresses become DOWN beats naming the policy, and the internal
// server never hears from the worker.

let t: TestDatabase;
let target: HttpTarget;
let roles: ReturnType<typeof createPipelineRoles>;
let tenantId: number;

beforeAll(async () => {
  t = await createTestDatabase();
  target = await startHttpTarget();
  ({ tenantId } = await tenantRepository.createTenantWithAdmin(t.db, {
    name: 'stranger',
    username: 'stranger-admin',
    passwordHash: 'x',
  }));
  roles = createPipelineRoles(t.db, uniqueRedisPrefix('egress-pipeline'));
  await roles.startScheduler();
  await roles.startWorker({ egress: parseEgressPolicy({}, 'distributed') });
});
afterAll(async () => {
  await roles?.close();
  await target?.close();
  await t?.drop();
});

async function addMonitor(input: Record<string, unknown>): Promise<number> {
  const parsed = monitorInputSchema(1).parse({
    name: 'internal',
    // A new monitor's first slot lies within one interval on its grid; keep that short.
    interval: 1,
    accepted_statuscodes: ['200-299'],
    ...input,
  });
  const id = await monitorRepository.insertMonitor(t.db, tenantId, parsed, true);
  await roles.changes.publish({ kind: 'upsert', monitorId: id, tenantId });
  return id;
}

const firstBeat = (monitorId: number) =>
  waitFor(
    async () =>
      (await t.db
        .selectFrom('heartbeats')
        .select(['status', 'msg'])
        .where('monitor_id', '=', monitorId)
        .executeTakeFirst()) ?? false,
    { what: `the first beat of monitor ${monitorId}` },
  );

describe('the check pipeline under the public-only egress policy', () => {
  it('stores a DOWN beat naming the policy for internal targets, and sends them nothing', async () => {
    const targetUrl = new URL(target.url);
    const ids = await Promise.all([
      addMonitor({ type: 'http', url: target.url }),
      addMonitor({
        type: 'json-query',
        url: `http://localhost:${targetUrl.port}/`,
        jsonPath: '$string($)',
        expectedValue: 'x',
      }),
      addMonitor({ type: 'http', url: 'http://169.254.169.254/latest/meta-data/' }),
      addMonitor({ type: 'port', hostname: '127.0.0.1', port: Number(targetUrl.port) }),
    ]);

    const beats = await Promise.all(ids.map(firstBeat));

    expect(beats.map((b) => b.status)).toEqual([0, 0, 0, 0]);
    expect(beats[0]?.msg).toBe('Blocked by egress policy: 127.0.0.1 is loopback');
    expect(beats[1]?.msg).toMatch(/^Blocked by egress policy: (127\.0\.0\.1|::1) is loopback$/);
    expect(beats[2]?.msg).toBe('Blocked by egress policy: 169.254.169.254 is link-local');
    expect(beats[3]?.msg).toBe('Blocked by egress policy: 127.0.0.1 is loopback');
    expect(target.hits()).toBe(0);
  });
});
