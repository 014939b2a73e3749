import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOWN, monitorInputSchema } from '@watchpost/core';
import {
  heartbeatRepository,
  monitorRepository,
  notificationRepository,
  tenantRepository,
  settingsRepository,
} from '@watchpost/core/db';
import { createInProcessDeliveryQueue } from '@watchpost/core/queue';
import {
  createTestDatabase,
  startFakeService,
  waitFor,
  type FakeService,
  type RecordedRequest,
  type TestDatabase,
} from '@watchpost/core/testing';
import { startDeliveryRunner, type RunningDeliveryRunner } from './start-delivery-runner.js';

// Each tenant's alerts carry its own `serverTimezone` and `primaryBaseURL` (docs/protocol/monitoring.md#important-beats-and-notifications,
// docs/protocol/notification-providers.md#heartbeatjson, docs/protocol/notification-providers.md#primarybaseurl), read with the delivery by the runner.

let t: TestDatabase;
let fake: FakeService;
let runner: RunningDeliveryRunner;

/** 21:30:15 UTC: already the next day in Tokyo, still the afternoon in New York. */
const BEAT_TIME = new Date('2024-07-01T21:30:15.250Z');

interface TenantUnderTest {
  name: string;
  monitorId: number;
}

/** A tenant with one monitor linked to a webhook and a Slack notification on the fake. */
async function tenantWith(name: string, settings: Record<string, unknown>) {
  const { tenantId, userId } = await tenantRepository.createTenantWithAdmin(t.db, {
    name,
    username: name,
    passwordHash: 'x',
  });
  await settingsRepository.saveGeneralSettings(t.db, tenantId, settings);
  const monitorId = await monitorRepository.insertMonitor(
    t.db,
    tenantId,
    monitorInputSchema(20).parse({
      type: 'http',
      name: `${name} api`,
      url: 'http://127.0.0.1:1/',
      accepted_statuscodes: ['200-299'],
    }),
    true,
  );
  const configs = [
    { type: 'webhook', webhookURL: `${fake.url}/hook/${name}`, webhookContentType: 'json' },
    { type: 'slack', slackwebhookURL: `${fake.url}/slack/${name}` },
  ];
  const ids: number[] = [];
  for (const config of configs) {
    const saved = await notificationRepository.createNotification(t.db, tenantId, userId, {
      name: `${config.type} for ${name}`,
      config: { name: config.type, ...config },
      isDefault: false,
      applyExisting: false,
    });
    ids.push(saved.id);
  }
  await notificationRepository.setMonitorNotifications(t.db, tenantId, monitorId, ids);
  await heartbeatRepository.recordBeats(t.db, [
    {
      tenantId,
      monitorId,
      status: DOWN,
      msg: 'connect ECONNREFUSED',
      time: BEAT_TIME,
      pingMs: null,
      durationSec: 20,
      downCount: 0,
      important: true,
      retries: 1,
      nextDueAt: new Date(Date.now() + 60_000),
      notify: true,
    },
  ]);
  return { name, monitorId };
}

let tokyo: TenantUnderTest;
let newYork: TenantUnderTest;
let plain: TenantUnderTest;

function requestTo(path: string): RecordedRequest {
  const request = fake.requests.find((r) => r.url === path);
  if (!request) throw new Error(`nothing was sent to ${path}`);
  return request;
}

/** The webhook's `heartbeat` object as the tenant's service received it. */
const heartbeatSentTo = (tenant: TenantUnderTest) =>
  (requestTo(`/hook/${tenant.name}`).json as { heartbeat: Record<string, unknown> }).heartbeat;

/** The Slack attachment's blocks as the tenant's service received them. */
const slackBlocksSentTo = (tenant: TenantUnderTest) =>
  JSON.stringify(requestTo(`/slack/${tenant.name}`).json);

beforeAll(async () => {
  t = await createTestDatabase();
  fake = await startFakeService();
  tokyo = await tenantWith('tokyo', {
    serverTimezone: 'Asia/Tokyo',
    primaryBaseURL: 'https://tokyo.example/kuma/',
  });
  newYork = await tenantWith('newyork', {
    serverTimezone: 'America/New_York',
    primaryBaseURL: 'https://ny.example',
  });
  // Never saved a zone or a base URL; an empty base URL is as good as none.
  plain = await tenantWith('plain', { primaryBaseURL: '' });

  const queue = createInProcessDeliveryQueue({ concurrency: 5, onError: () => {} });
  runner = await startDeliveryRunner({
    db: t.db,
    queue,
    consumer: queue,
    logger: pino({ level: 'silent' }),
    sweepEveryMs: 25,
  });
  await waitFor(() => fake.requests.length >= 6, { what: 'the six alerts' });
});
afterAll(async () => {
  await runner?.close();
  await fake?.close();
  await t?.drop();
});

describe('alerts in the tenant’s zone and with its dashboard link', () => {
  it('reports the beat in the tenant’s zone, offset and local time', () => {
    expect(heartbeatSentTo(tokyo)).toMatchObject({
      monitorID: tokyo.monitorId,
      time: '2024-07-01 21:30:15.250',
      timezone: 'Asia/Tokyo',
      timezoneOffset: '+09:00',
      localDateTime: '2024-07-02 06:30:15',
    });
    expect(heartbeatSentTo(newYork)).toMatchObject({
      monitorID: newYork.monitorId,
      time: '2024-07-01 21:30:15.250',
      timezone: 'America/New_York',
      timezoneOffset: '-04:00',
      localDateTime: '2024-07-01 17:30:15',
    });
  });

  it('uses UTC for a tenant that never chose a zone', () => {
    expect(heartbeatSentTo(plain)).toMatchObject({
      timezone: 'UTC',
      timezoneOffset: '+00:00',
      localDateTime: '2024-07-01 21:30:15',
    });
  });

  it('prints the tenant’s time and links to the tenant’s own dashboard', () => {
    const fromTokyo = slackBlocksSentTo(tokyo);
    expect(fromTokyo).toContain(JSON.stringify('*Time (Asia/Tokyo)*\n2024-07-02 06:30:15'));
    // The stored trailing slash is not doubled.
    expect(fromTokyo).toContain(`"url":"https://tokyo.example/kuma/dashboard/${tokyo.monitorId}"`);
    expect(fromTokyo).not.toContain('ny.example');

    const fromNewYork = slackBlocksSentTo(newYork);
    expect(fromNewYork).toContain(JSON.stringify('*Time (America/New_York)*\n2024-07-01 17:30:15'));
    expect(fromNewYork).toContain(`"url":"https://ny.example/dashboard/${newYork.monitorId}"`);
    expect(fromNewYork).not.toContain('tokyo.example');
  });

  it('sends no dashboard button when the tenant has no base URL', () => {
    const fromPlain = slackBlocksSentTo(plain);
    expect(fromPlain).toContain(JSON.stringify('*Time (UTC)*\n2024-07-01 21:30:15'));
    expect(fromPlain).not.toContain('Visit Uptime Kuma');
  });
});
