import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UP } from '@watchpost/core';
import { apiKeyRepository, heartbeatRepository } from '@watchpost/core/db';
import { deliveryRepository } from '@watchpost/core/notifications';
import { createRedisTenantEvents, REDACTED_ERROR_TEXT } from '@watchpost/core/realtime';
import { waitFor } from '@watchpost/core/testing';
import {
  createApiTestContext,
  httpMonitorPayload,
  type ApiTestContext,
  type TestClient,
  type TestUser,
} from '../testing/api-test-context.js';
import { HANDLERS } from './register-socket-handlers.js';

// docs/protocol/api-keys.md#read-scope-keys: a read-scope key session sits in the same tenant room as a full session
// and never receives a secret, in a push, a burst or an ack, while the full session receives
// every one of them as before.

const PUSH_TOKEN = 'PushTokenSecret0123456789abcdefX';
const SECRETS = {
  urlPassword: 'urlpass-secret',
  basicUser: 'basicuser-secret',
  basicPass: 'basicpass-secret',
  header: 'header-secret',
  body: 'body-secret',
  pushToken: PUSH_TOKEN,
  database: 'dbpass-secret',
  webhook: 'webhook-path-secret',
  proxyUser: 'proxyuser-secret',
  proxyPass: 'proxypass-secret',
  dockerPass: 'dockerpass-secret',
  steam: 'steam-secret',
  // Providers' error texts carry their answer's body, which may quote the request.
  deliveryError: 'delivery-error-secret',
};

let ctx: ApiTestContext;
let alice: TestUser;
let owner: TestClient;
let reader: TestClient;
let monitorId: number;
let pushMonitorId: number;

/** Every secret whose text appears anywhere in what the client received. */
function secretsSeenBy(client: TestClient): string[] {
  const received = JSON.stringify(client.events);
  return Object.values(SECRETS).filter((secret) => received.includes(secret));
}

/** Waits until a marker sent to the tenant's room after everything else reached the socket. */
async function sync(client: TestClient, marker: number): Promise<void> {
  createRedisTenantEvents(ctx.redis(), ctx.redisPrefix).emit(
    alice.tenantId,
    'avgPing',
    marker,
    null,
  );
  await waitFor(() => {
    expect(client.events.some((e) => e.event === 'avgPing' && e.args[0] === marker)).toBe(true);
  });
}

function latest<T>(client: TestClient, event: string): T {
  return client.events.findLast((e) => e.event === event)!.args[0] as T;
}

async function createSecrets(client: TestClient): Promise<void> {
  const added = await client.call<{ monitorID: number }>(
    'add',
    httpMonitorPayload({
      name: 'secretive',
      url: `http://someone:${SECRETS.urlPassword}@127.0.0.1:1/`,
      authMethod: 'basic',
      basic_auth_user: SECRETS.basicUser,
      basic_auth_pass: SECRETS.basicPass,
      headers: JSON.stringify({ 'X-Token': SECRETS.header }),
      body: JSON.stringify({ k: SECRETS.body }),
      databaseConnectionString: `postgres://u:${SECRETS.database}@db/x`,
    }),
  );
  monitorId = added.monitorID;
  const push = await client.call<{ monitorID: number }>(
    'add',
    httpMonitorPayload({ name: 'pushed', type: 'push', url: null, pushToken: PUSH_TOKEN }),
  );
  pushMonitorId = push.monitorID;
  const notification = await client.call<{ id: number }>(
    'addNotification',
    {
      name: 'hook',
      type: 'webhook',
      isDefault: false,
      webhookURL: `http://127.0.0.1:1/${SECRETS.webhook}`,
      webhookContentType: 'json',
    },
    null,
  );
  expect(notification).toMatchObject({ ok: true });
  await recordFailedDelivery(notification.id);
  expect(
    await client.call(
      'addProxy',
      {
        protocol: 'http',
        host: 'proxy.example',
        port: 3128,
        auth: true,
        username: SECRETS.proxyUser,
        password: SECRETS.proxyPass,
      },
      null,
    ),
  ).toMatchObject({ ok: true });
  expect(
    await client.call(
      'addDockerHost',
      {
        name: 'remote',
        dockerType: 'tcp',
        dockerDaemon: `https://docker:${SECRETS.dockerPass}@docker.example:2376`,
      },
      null,
    ),
  ).toMatchObject({ ok: true });
  expect(await client.call('setSettings', { steamAPIKey: SECRETS.steam }, null)).toMatchObject({
    ok: true,
  });
}

/** An alert through the notification whose one attempt failed with a secret in its text. */
async function recordFailedDelivery(notificationId: number): Promise<void> {
  await ctx.db
    .insertInto('monitor_notifications')
    .values({ monitor_id: monitorId, notification_id: notificationId, tenant_id: alice.tenantId })
    .execute();
  await heartbeatRepository.recordBeats(ctx.db, [
    {
      tenantId: alice.tenantId,
      monitorId,
      status: UP,
      msg: '200 - OK',
      time: new Date(),
      pingMs: 5,
      durationSec: 1,
      downCount: 0,
      important: true,
      retries: 0,
      nextDueAt: null,
      notify: true,
    },
  ]);
  const [deliveryId] = await deliveryRepository.listDueDeliveryIds(ctx.db, new Date(), 10);
  await deliveryRepository.recordDeliveryAttempt(ctx.db, {
    deliveryId: deliveryId!,
    tenantId: alice.tenantId,
    provider: 'webhook',
    attemptedAt: new Date(),
    durationMs: 12,
    error: `Error: AxiosError: Request failed with status code 404 {"path":"/${SECRETS.deliveryError}"}`,
    retryAt: null,
  });
}

async function connectReader(): Promise<TestClient> {
  const { key } = await apiKeyRepository.createApiKey(ctx.db, alice.tenantId, alice.userId, {
    name: 'dashboard',
    expires: null,
    expiresAt: null,
    active: true,
    scope: 'read',
  });
  const client = await ctx.connect();
  expect(await client.call('loginByToken', key)).toEqual({ ok: true });
  return client;
}

beforeAll(async () => {
  ctx = await createApiTestContext('read-session-redaction');
  alice = await ctx.createUser('alice');
  owner = await ctx.connect();
  await owner.login(alice);
  await createSecrets(owner);
  reader = await connectReader();
});
afterAll(async () => ctx?.close());

describe('a read-scope key session beside a full session', () => {
  it('gets its login burst without secrets; the full session saw every secret', async () => {
    expect(secretsSeenBy(reader)).toEqual([]);
    await owner.call('getSettings');
    await owner.call('getNotificationDeliveries');
    expect(secretsSeenBy(owner).sort()).toEqual(Object.values(SECRETS).sort());
  });

  it('receives the monitors in upstream’s includeSensitiveData:false form, URL without password', () => {
    const list = latest<Record<string, Record<string, unknown>>>(reader, 'monitorList');
    const monitor = list[String(monitorId)]!;
    expect(monitor).toMatchObject({
      id: monitorId,
      name: 'secretive',
      url: 'http://127.0.0.1:1/',
      includeSensitiveData: false,
    });
    for (const field of ['basic_auth_pass', 'headers', 'body', 'databaseConnectionString']) {
      expect(monitor).not.toHaveProperty(field);
    }
    expect(list[String(pushMonitorId)]).not.toHaveProperty('pushToken');
  });

  it('receives notifications, proxies and Docker hosts without their credentials', () => {
    const [notification] = latest<{ config: string }[]>(reader, 'notificationList');
    expect(JSON.parse(notification!.config)).toEqual({
      name: 'hook',
      type: 'webhook',
      isDefault: false,
    });
    expect(latest<unknown[]>(reader, 'proxyList')).toEqual([
      expect.objectContaining({ host: 'proxy.example', username: null, password: null }),
    ]);
    expect(latest<unknown[]>(reader, 'dockerHostList')).toEqual([
      expect.objectContaining({ dockerDaemon: 'https://docker.example:2376' }),
    ]);
  });

  it('sees the delivery log with every attempt, but not what the provider said', async () => {
    const { deliveries } = await reader.call<{ deliveries: Record<string, unknown>[] }>(
      'getNotificationDeliveries',
    );
    expect(deliveries).toEqual([
      expect.objectContaining({
        status: 'failed',
        attempts: 1,
        lastError: REDACTED_ERROR_TEXT,
        tries: [
          expect.objectContaining({
            provider: 'webhook',
            outcome: 'failed',
            error: REDACTED_ERROR_TEXT,
            durationMs: 12,
          }),
        ],
      }),
    ]);
    const full = await owner.call<{ deliveries: { lastError: string }[] }>(
      'getNotificationDeliveries',
    );
    expect(full.deliveries[0]!.lastError).toContain(SECRETS.deliveryError);
  });

  it('gets room pushes redacted when the full session changes something or logs in again', async () => {
    const mark = reader.events.length;
    expect(
      await owner.call('editMonitor', {
        ...(await owner.call<{ monitor: Record<string, unknown> }>('getMonitor', monitorId))
          .monitor,
        name: 'renamed',
      }),
    ).toMatchObject({ ok: true });
    await (await ctx.connect()).login(alice);
    await sync(reader, 2);
    const names = new Set(reader.pushesSince(mark).map((e) => e.event));
    for (const event of ['monitorList', 'notificationList', 'proxyList', 'dockerHostList']) {
      expect(names).toContain(event);
    }
    expect(secretsSeenBy(reader)).toEqual([]);
    expect(
      latest<Record<string, { name: string }>>(reader, 'monitorList')[String(monitorId)],
    ).toMatchObject({ name: 'renamed' });
  });

  it('gets pushes a worker sends through the Redis emitter redacted too', async () => {
    const full = latest<Record<string, Record<string, unknown>>>(owner, 'monitorList');
    const mark = reader.events.length;
    createRedisTenantEvents(ctx.redis(), ctx.redisPrefix).emit(alice.tenantId, 'monitorList', full);
    await reader.waitFor('monitorList', { includePast: false });
    expect(reader.pushesSince(mark, 'monitorList')).toHaveLength(1);
    expect(secretsSeenBy(reader)).toEqual([]);
  });

  it('answers every reading event without a secret', async () => {
    const reads = HANDLERS.filter((h) => h.access === 'read' && h.acks).map((h) => h.event);
    expect(reads).toEqual(expect.arrayContaining(['getMonitor', 'getSettings']));
    for (const event of reads) {
      await reader.call(event, ...argumentsFor(event));
    }
    await sync(reader, 3);
    expect(secretsSeenBy(reader)).toEqual([]);
    const { monitor } = await reader.call<{ monitor: Record<string, unknown> }>(
      'getMonitor',
      monitorId,
    );
    expect(monitor).toMatchObject({ id: monitorId, includeSensitiveData: false });
    const { data } = await reader.call<{ data: Record<string, unknown> }>('getSettings');
    expect(data).toMatchObject({ steamAPIKey: '' });
  });

  it('leaves what full sessions get unchanged', async () => {
    const { monitor } = await owner.call<{ monitor: Record<string, unknown> }>(
      'getMonitor',
      monitorId,
    );
    expect(monitor).toMatchObject({
      basic_auth_pass: SECRETS.basicPass,
      includeSensitiveData: true,
    });
    const { data } = await owner.call<{ data: Record<string, unknown> }>('getSettings');
    expect(data).toMatchObject({ steamAPIKey: SECRETS.steam });
  });
});

function argumentsFor(event: string): unknown[] {
  switch (event) {
    case 'getMonitor':
    case 'getMonitorMaintenance':
      return [monitorId];
    case 'getMonitorBeats':
      return [monitorId, 24];
    case 'getStatusPage':
      return ['nothing-here'];
    case 'getMaintenance':
    case 'getMaintenanceStatusPage':
      return [1];
    default:
      return [];
  }
}
