import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@watchpost/core/testing';
import { sql } from 'kysely';
import { monitorInputSchema } from '@watchpost/core';
import { monitorRepository } from '@watchpost/core/db';
import { createRedisTenantEvents } from '@watchpost/core/realtime';
import {
  createApiTestContext,
  type ApiTestContext,
  type TestClient,
  type TestUser,
} from '../testing/api-test-context.js';

// Tenant B against tenant A's maintenance windows: no reads, no changes, no links either way,
// no pushes. Every refusal uses the same text as a missing id, so ids cannot be probed.

let ctx: ApiTestContext;
let alice: TestUser;
let bob: TestUser;
let a: TestClient;
let b: TestClient;
let aliceWindow: number;
let aliceMonitor: number;
let bobWindow: number;
let bobMonitor: number;

const NOT_FOUND = { ok: false, msg: 'Maintenance not found' };

async function addMonitor(tenantId: number): Promise<number> {
  const input = monitorInputSchema(20).parse({
    type: 'http',
    name: 'web',
    url: 'http://127.0.0.1:1/',
    accepted_statuscodes: ['200-299'],
  });
  return monitorRepository.insertMonitor(ctx.db, tenantId, input, false);
}

async function addWindow(client: TestClient, title: string): Promise<number> {
  const ack = await client.call<{ maintenanceID: number }>('addMaintenance', {
    title,
    strategy: 'manual',
    active: true,
  });
  return ack.maintenanceID;
}

async function storedWindow() {
  return ctx.db
    .selectFrom('maintenances')
    .selectAll()
    .where('id', '=', aliceWindow)
    .executeTakeFirstOrThrow();
}

/** Sends a marker to Alice's room through Redis and waits until each client that is hers has it. */
async function syncAlice(marker: number): Promise<void> {
  createRedisTenantEvents(ctx.redis(), ctx.redisPrefix).emit(
    alice.tenantId,
    'avgPing',
    marker,
    null,
  );
  await waitFor(() => {
    expect(a.events.some((e) => e.event === 'avgPing' && e.args[0] === marker)).toBe(true);
  });
}

beforeAll(async () => {
  ctx = await createApiTestContext('maintenance-isolation');
  alice = await ctx.createUser('alice');
  bob = await ctx.createUser('bob');
  a = await ctx.connect();
  await a.login(alice);
  b = await ctx.connect();
  await b.login(bob);
  aliceWindow = await addWindow(a, 'alice window');
  aliceMonitor = await addMonitor(alice.tenantId);
  bobWindow = await addWindow(b, 'bob window');
  bobMonitor = await addMonitor(bob.tenantId);
  await a.call('addMonitorMaintenance', aliceWindow, [{ id: aliceMonitor }]);
});
afterAll(async () => ctx?.close());

describe('maintenance across tenants', () => {
  it('never lists or returns another tenant’s window', async () => {
    await b.call('getMaintenanceList');
    const list = b.events.filter((e) => e.event === 'maintenanceList').at(-1)?.args[0];
    expect(Object.keys(list as object)).toEqual([String(bobWindow)]);
    expect(await b.call('getMaintenance', aliceWindow)).toEqual(NOT_FOUND);
    expect(await b.call('getMonitorMaintenance', aliceWindow)).toEqual(NOT_FOUND);
    expect(await b.call('getMaintenanceStatusPage', aliceWindow)).toEqual(NOT_FOUND);
  });

  it('cannot edit, pause, resume or delete it', async () => {
    const before = await storedWindow();
    expect(
      await b.call('editMaintenance', { id: aliceWindow, title: 'mine', strategy: 'manual' }),
    ).toEqual(NOT_FOUND);
    expect(await b.call('pauseMaintenance', aliceWindow)).toEqual(NOT_FOUND);
    expect(await b.call('resumeMaintenance', aliceWindow)).toEqual(NOT_FOUND);
    // Kuma acks deletes of unknown ids; it must still not delete anything of Alice's.
    expect(await b.call('deleteMaintenance', aliceWindow)).toMatchObject({ ok: true });
    expect(await storedWindow()).toEqual(before);
  });

  it('cannot link its monitors or pages to it, nor link her monitors or pages to its own', async () => {
    const { rows } = await sql<{ id: number }>`
      INSERT INTO status_pages (tenant_id, slug, title) VALUES (${alice.tenantId}, 'a', 'A')
      RETURNING id
    `.execute(ctx.db);
    const alicePage = rows[0]!.id;
    expect(await b.call('addMonitorMaintenance', aliceWindow, [{ id: bobMonitor }])).toEqual(
      NOT_FOUND,
    );
    expect(await b.call('addMaintenanceStatusPage', aliceWindow, [])).toEqual(NOT_FOUND);
    expect(await b.call('addMonitorMaintenance', bobWindow, [{ id: aliceMonitor }])).toEqual({
      ok: false,
      msg: 'Monitor not found.',
    });
    expect(await b.call('addMaintenanceStatusPage', bobWindow, [{ id: alicePage }])).toEqual({
      ok: false,
      msg: 'Status page not found.',
    });
    expect(await a.call('getMonitorMaintenance', aliceWindow)).toMatchObject({
      monitors: [{ id: aliceMonitor }],
    });
    expect(await b.call('getMonitorMaintenance', bobWindow)).toEqual({ ok: true, monitors: [] });
  });

  it('sends none of Alice’s maintenance pushes to Bob', async () => {
    const mark = b.events.length;
    const id = await addWindow(a, 'secret window');
    await a.call('pauseMaintenance', id);
    await a.call('deleteMaintenance', id);
    await syncAlice(4242);
    // Bob's own room gets a marker too, so anything sent to him has arrived by now.
    createRedisTenantEvents(ctx.redis(), ctx.redisPrefix).emit(bob.tenantId, 'avgPing', 4343, null);
    await waitFor(() =>
      expect(b.events.some((e) => e.event === 'avgPing' && e.args[0] === 4343)).toBe(true),
    );
    const received = b.pushesSince(mark);
    expect(received.filter((e) => e.event === 'maintenanceList')).toEqual([]);
    expect(JSON.stringify(received)).not.toContain('secret window');
  });
});
