import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOWN, monitorInputSchema, UP } from '@watchpost/core';
import { monitorRepository, tenantRepository } from '@watchpost/core/db';
import {
  createTestDatabase,
  uniqueRedisPrefix,
  waitFor,
  type TestDatabase,
} from '@watchpost/core/testing';
import { createPipelineRoles } from './support/pipeline-roles.js';
import { startHttpTarget, type HttpTarget } from './support/targets.js';

let t: TestDatabase;
let targets: HttpTarget[];
let tenantId: number;
let roles: ReturnType<typeof createPipelineRoles> | undefined;

const parseMonitor = monitorInputSchema(1).parse;

beforeAll(async () => {
  t = await createTestDatabase();
  targets = await Promise.all([startHttpTarget(), startHttpTarget()]);
  ({ tenantId } = await tenantRepository.createTenantWithAdmin(t.db, {
    name: 'acme',
    username: 'acme-admin',
    passwordHash: 'x',
  }));
});
afterAll(async () => {
  await roles?.close();
  await Promise.all((targets ?? []).map((target) => target.close()));
  await t?.drop();
});

async function addMonitor(fields: Record<string, unknown>) {
  const input = parseMonitor({ interval: 1, accepted_statuscodes: ['200-299'], ...fields });
  const id = await monitorRepository.insertMonitor(t.db, tenantId, input, true);
  await roles?.changes.publish({ kind: 'upsert', monitorId: id, tenantId });
  return id;
}

async function latestBeat(monitorId: number) {
  return t.db
    .selectFrom('heartbeats')
    .select(['status', 'msg', 'time'])
    .where('monitor_id', '=', monitorId)
    .orderBy('time', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Waits for a beat of `monitorId` stored after `since` with this status. */
function beatAfter(monitorId: number, since: number, status: number) {
  return waitFor(
    async () => {
      const beat = await latestBeat(monitorId);
      return beat && beat.time.getTime() > since && beat.status === status ? beat : false;
    },
    { what: `monitor ${monitorId} status ${status}` },
  );
}

describe('group monitor (docs/protocol/monitoring.md#group-monitors)', () => {
  it('follows its two HTTP children: DOWN while one is down, UP again when it recovers', async () => {
    roles = createPipelineRoles(t.db, uniqueRedisPrefix('group'));
    await roles.startScheduler();
    await roles.startWorker();
    const [a, b] = targets as [HttpTarget, HttpTarget];
    const group = await addMonitor({ type: 'group', name: 'shop' });
    const children = [
      await addMonitor({ type: 'http', name: 'web', url: a.url, parent: group }),
      await addMonitor({ type: 'http', name: 'api', url: b.url, parent: group }),
    ];
    for (const child of children) await beatAfter(child, 0, UP);
    const up = await beatAfter(group, 0, UP);
    expect(up.msg).toBe('All children up and running');

    await b.stop();
    const childDown = await beatAfter(children[1]!, up.time.getTime(), DOWN);
    const down = await beatAfter(group, childDown.time.getTime(), DOWN);
    expect(down.msg).toBe('Child inaccessible');
    const pushed = roles.emitted.filter(
      (e) => e.event === 'heartbeat' && (e.args[0] as { monitorID?: number }).monitorID === group,
    );
    expect(pushed.map((e) => (e.args[0] as { status: number }).status)).toContain(DOWN);

    await b.start();
    const childUp = await beatAfter(children[1]!, down.time.getTime(), UP);
    const recovered = await beatAfter(group, childUp.time.getTime(), UP);
    expect(recovered.msg).toBe('All children up and running');
  });
});
