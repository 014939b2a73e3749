import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UP, type TagJson } from '@watchpost/core';
import { apiKeyRepository, heartbeatRepository } from '@watchpost/core/db';
import {
  createApiTestContext,
  insertMonitor,
  type ApiTestContext,
  type TestClient,
  type TestUser,
} from '../../testing/api-test-context.js';

// Tag labels on /metrics follow tag changes made over the socket on the very next scrape,
// on the same running node: no restart, unlike upstream, which fixes label names at start.

let ctx: ApiTestContext;
let alice: TestUser;
let bob: TestUser;
let client: TestClient;
let aliceKey: string;
let bobKey: string;
let monitorId: number;
let bobMonitorId: number;

async function createKey(owner: TestUser): Promise<string> {
  const created = await apiKeyRepository.createApiKey(ctx.db, owner.tenantId, owner.userId, {
    name: 'prometheus',
    expires: null,
    expiresAt: null,
    active: true,
    scope: 'read',
  });
  return created.key;
}

async function beatUp(owner: TestUser, id: number): Promise<void> {
  await heartbeatRepository.recordBeats(ctx.db, [
    {
      tenantId: owner.tenantId,
      monitorId: id,
      status: UP,
      msg: '',
      time: new Date(),
      pingMs: 5,
      durationSec: 60,
      downCount: 0,
      important: false,
      retries: 0,
      nextDueAt: new Date(Date.now() + 60_000),
    },
  ]);
}

/** The labels of the `monitor_status` series of one monitor, from a real scrape. */
async function statusLabels(key: string, id: number): Promise<Record<string, string>> {
  const response = await fetch(`${ctx.node.url}/metrics`, {
    headers: { authorization: `Bearer ${key}` },
  });
  expect(response.status).toBe(200);
  const family = parsePrometheusTextFormat(await response.text()).find(
    (f) => f.name === 'monitor_status',
  );
  const series = family?.metrics.find((m) => m.labels?.monitor_id === String(id));
  if (!series?.labels) throw new Error(`no monitor_status series for monitor ${id}`);
  return series.labels;
}

/** Only the labels that came from tags. */
async function tagLabelsOf(key: string, id: number): Promise<Record<string, string>> {
  const labels = await statusLabels(key, id);
  return Object.fromEntries(
    Object.entries(labels).filter(([name]) => !name.startsWith('monitor_')),
  );
}

beforeAll(async () => {
  ctx = await createApiTestContext('metrics-tags');
  alice = await ctx.createUser('alice');
  bob = await ctx.createUser('bob');
  monitorId = await insertMonitor(ctx.db, alice.tenantId, { name: 'tagged' });
  bobMonitorId = await insertMonitor(ctx.db, bob.tenantId, { name: 'bobs' });
  await beatUp(alice, monitorId);
  await beatUp(bob, bobMonitorId);
  aliceKey = await createKey(alice);
  bobKey = await createKey(bob);
  client = await ctx.connect();
  await client.login(alice);
});
afterAll(async () => ctx?.close());

describe('GET /metrics tag labels', () => {
  it('adds, changes and removes one label per tag as tags change, without a restart', async () => {
    expect(await tagLabelsOf(aliceKey, monitorId)).toEqual({});

    const { tag } = await client.call<{ tag: TagJson }>('addTag', { name: 'env', color: 'red' });
    const { tag: team } = await client.call<{ tag: TagJson }>('addTag', {
      name: 'Team Name',
      color: 'blue',
    });
    // Created but not linked: no label yet.
    expect(await tagLabelsOf(aliceKey, monitorId)).toEqual({});

    await client.call('addMonitorTag', tag.id, monitorId, 'prod');
    await client.call('addMonitorTag', team.id, monitorId, '');
    expect(await tagLabelsOf(aliceKey, monitorId)).toEqual({ env: 'prod', TeamName: 'null' });

    await client.call('editMonitorTag', tag.id, monitorId, 'staging');
    expect(await tagLabelsOf(aliceKey, monitorId)).toEqual({ env: 'staging', TeamName: 'null' });

    await client.call('editTag', { id: tag.id, name: 'stage', color: 'red' });
    expect(await tagLabelsOf(aliceKey, monitorId)).toEqual({ stage: 'staging', TeamName: 'null' });

    await client.call('deleteMonitorTag', tag.id, monitorId, 'staging');
    expect(await tagLabelsOf(aliceKey, monitorId)).toEqual({ TeamName: 'null' });

    await client.call('deleteTag', team.id);
    expect(await tagLabelsOf(aliceKey, monitorId)).toEqual({});
    // The core labels stay as they were.
    expect(await statusLabels(aliceKey, monitorId)).toMatchObject({ monitor_name: 'tagged' });
  });

  it('never labels another tenant’s series with the tenant’s tags', async () => {
    const { tag } = await client.call<{ tag: TagJson }>('addTag', { name: 'owner', color: 'c' });
    await client.call('addMonitorTag', tag.id, monitorId, 'alice');
    expect(await tagLabelsOf(aliceKey, monitorId)).toEqual({ owner: 'alice' });
    expect(await tagLabelsOf(bobKey, bobMonitorId)).toEqual({});
  });
});
