import parsePrometheusTextFormat, { type PrometheusFamily } from 'parse-prometheus-text-format';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOWN, PENDING, UP, type MonitorStatus, type TlsInfo } from '@watchpost/core';
import { apiKeyRepository, heartbeatRepository, type NewApiKey } from '@watchpost/core/db';
import {
  createApiTestContext,
  insertMonitor,
  type ApiTestContext,
  type TestUser,
} from '../../testing/api-test-context.js';

let ctx: ApiTestContext;
let alice: TestUser;
let bob: TestUser;
let aliceKey: string;
const ids: Record<string, number> = {};

const CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';
const CORE_LABELS = [
  'monitor_id',
  'monitor_name',
  'monitor_type',
  'monitor_url',
  'monitor_hostname',
  'monitor_port',
];

function createKey(owner: TestUser, overrides: Partial<NewApiKey> = {}) {
  return apiKeyRepository.createApiKey(ctx.db, owner.tenantId, owner.userId, {
    name: 'prometheus',
    expires: null,
    expiresAt: null,
    active: true,
    scope: 'read',
    ...overrides,
  });
}

async function beat(owner: TestUser, monitorId: number, status: MonitorStatus, extra = {}) {
  await heartbeatRepository.recordBeats(ctx.db, [
    {
      tenantId: owner.tenantId,
      monitorId,
      status,
      msg: '',
      time: new Date(),
      pingMs: null,
      durationSec: 60,
      downCount: 0,
      important: false,
      retries: 0,
      nextDueAt: new Date(Date.now() + 60_000),
      ...extra,
    },
  ]);
}

const basic = (key: string, username = 'prometheus') =>
  `Basic ${Buffer.from(`${username}:${key}`).toString('base64')}`;

function scrape(authorization?: string, url = ctx.node.url) {
  return fetch(`${url}/metrics`, { headers: authorization ? { authorization } : {} });
}

async function scrapeFamilies(authorization: string): Promise<Map<string, PrometheusFamily>> {
  const response = await scrape(authorization);
  expect(response.status).toBe(200);
  return new Map(parsePrometheusTextFormat(await response.text()).map((f) => [f.name, f]));
}

/** monitor name → value of one family. */
function valuesByName(family: PrometheusFamily | undefined): Record<string, string> {
  return Object.fromEntries(
    (family?.metrics ?? []).map((m) => [m.labels?.monitor_name ?? '', m.value]),
  );
}

beforeAll(async () => {
  ctx = await createApiTestContext('metrics');
  alice = await ctx.createUser('alice');
  bob = await ctx.createUser('bob');
  ids.up = await insertMonitor(ctx.db, alice.tenantId, {
    name: 'Google',
    url: 'https://google.com',
  });
  ids.down = await insertMonitor(ctx.db, alice.tenantId, {
    type: 'port',
    name: 'db "primary"',
    url: null,
    hostname: 'db.internal',
    port: 5432,
  });
  ids.pending = await insertMonitor(ctx.db, alice.tenantId, { name: 'flaky' });
  ids.paused = await insertMonitor(ctx.db, alice.tenantId, { name: 'paused' }, false);
  ids.bobs = await insertMonitor(ctx.db, bob.tenantId, { name: 'bob-only' });
  const tls = { valid: true, certInfo: { daysRemaining: 42 } } as unknown as TlsInfo;
  await beat(alice, ids.up, UP, { pingMs: 87, tls });
  await beat(alice, ids.down, DOWN);
  await beat(alice, ids.pending, PENDING, { pingMs: 1500 });
  await beat(alice, ids.paused, UP, { pingMs: 3 });
  await beat(bob, ids.bobs, UP, { pingMs: 9 });
  aliceKey = (await createKey(alice)).key;
});
afterAll(async () => ctx?.close());

describe('GET /metrics (docs/protocol/http.md#prometheus-metrics)', () => {
  it('answers Prometheus text 0.0.4 with Kuma’s four gauge families and HELP texts', async () => {
    const response = await scrape(basic(aliceKey));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(CONTENT_TYPE);
    const families = parsePrometheusTextFormat(await response.text());
    expect(families.map((f) => [f.name, f.type, f.help])).toEqual([
      [
        'monitor_cert_days_remaining',
        'GAUGE',
        'The number of days remaining until the certificate expires',
      ],
      ['monitor_cert_is_valid', 'GAUGE', 'Is the certificate still valid? (1 = Yes, 0= No)'],
      ['monitor_response_time', 'GAUGE', 'Monitor Response Time (ms)'],
      ['monitor_status', 'GAUGE', 'Monitor Status (1 = UP, 0= DOWN, 2= PENDING, 3= MAINTENANCE)'],
    ]);
  });

  it('reports the latest status and ping of each running monitor, -1 without ping', async () => {
    const families = await scrapeFamilies(`Bearer ${aliceKey}`);
    expect(valuesByName(families.get('monitor_status'))).toEqual({
      Google: '1',
      'db "primary"': '0',
      flaky: '2',
    });
    expect(valuesByName(families.get('monitor_response_time'))).toEqual({
      Google: '87',
      'db "primary"': '-1',
      flaky: '1500',
    });
  });

  it('reports certificate metrics for monitors with TLS facts only', async () => {
    const families = await scrapeFamilies(basic(aliceKey));
    expect(valuesByName(families.get('monitor_cert_days_remaining'))).toEqual({ Google: '42' });
    expect(valuesByName(families.get('monitor_cert_is_valid'))).toEqual({ Google: '1' });
  });

  it('labels every series with monitor_id and Kuma’s labels, in order, null as "null"', async () => {
    const text = await (await scrape(basic(aliceKey))).text();
    const statusLines = text.split('\n').filter((line) => line.startsWith('monitor_status{'));
    for (const line of statusLines) {
      const names = [...line.matchAll(/([a-z_]+)="/g)].map((m) => m[1]);
      expect(names).toEqual(CORE_LABELS);
    }
    const families = parsePrometheusTextFormat(text);
    const port = families
      .find((f) => f.name === 'monitor_status')
      ?.metrics.find((m) => m.labels?.monitor_type === 'port');
    expect(port?.labels).toEqual({
      monitor_id: String(ids.down),
      monitor_name: 'db "primary"',
      monitor_type: 'port',
      monitor_url: 'null',
      monitor_hostname: 'db.internal',
      monitor_port: '5432',
    });
  });

  it('shows only the key’s tenant, from any API node', async () => {
    const bobKey = (await createKey(bob)).key;
    const otherNode = await ctx.startNode();
    const text = await (await scrape(`Bearer ${bobKey}`, otherNode.url)).text();
    const families = parsePrometheusTextFormat(text);
    expect(valuesByName(families.find((f) => f.name === 'monitor_status'))).toEqual({
      'bob-only': '1',
    });
    for (const name of ['Google', 'flaky', 'paused', 'primary']) expect(text).not.toContain(name);
  });

  it('records the key’s last use', async () => {
    const { id, key } = await createKey(alice);
    await scrape(basic(key));
    const row = await ctx.db
      .selectFrom('api_keys')
      .select('last_used_at')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.last_used_at).toBeInstanceOf(Date);
  });
});

describe('GET /metrics refusals', () => {
  async function expectChallenge(authorization?: string) {
    const response = await scrape(authorization);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Basic /);
    expect(await response.text()).toBe('');
  }

  it('asks for credentials when none are sent', async () => {
    await expectChallenge();
  });

  it('refuses malformed keys and keys with a wrong secret', async () => {
    const { id } = await createKey(alice);
    await expectChallenge(basic('password'));
    await expectChallenge(`Bearer uk${id}_${'x'.repeat(40)}`);
    await expectChallenge(basic(`uk${id}_${'x'.repeat(40)}`));
    await expectChallenge('Basic %%%');
  });

  it('refuses disabled, expired and deleted keys', async () => {
    const disabled = await createKey(alice, { active: false });
    const expired = await createKey(alice, {
      expires: '2001-01-01 00:00:00',
      expiresAt: new Date('2001-01-01T00:00:00Z'),
    });
    const deleted = await createKey(alice);
    await apiKeyRepository.deleteApiKey(ctx.db, alice.tenantId, deleted.id);
    for (const { key } of [disabled, expired, deleted]) {
      await expectChallenge(basic(key));
      await expectChallenge(`Bearer ${key}`);
    }
  });
});
