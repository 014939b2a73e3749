import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, uniqueRedisPrefix, type TestDatabase } from '@watchpost/core/testing';
import { HANDLERS } from '../apps/api/src/realtime/register-socket-handlers.js';
import {
  createApiTestContext,
  httpMonitorPayload,
  type ApiTestContext,
  type TestClient,
  type TestUser,
} from '../apps/api/src/testing/api-test-context.js';
import {
  percentile,
  runFairnessScenario,
  type FairnessResult,
} from './support/fairness-scenario.js';

// The adversarial suite (architecture rules 1, 6 and 13). Tenant A attacks: every socket event
// the server registers and every HTTP route it serves get hostile input (wrong types, huge and
// deep payloads, prototype keys, tenant B's ids, slugs and keys), from a login session and from
// a read-only API key session. Meanwhile A's 500 monitors hang on a tarpit and B's checks are
// timed. Counted: crashes (internal errors, dropped sockets, 5xx), leaks (B's private data in
// anything A receives), writes from refused input (rows changed by a call that was refused),
// and B's check lateness.

/** What each argument of an event is, so the suite knows a valid value and B's counterpart. */
type ArgKind =
  | 'monitorId'
  | 'notificationId'
  | 'proxyId'
  | 'dockerHostId'
  | 'maintenanceId'
  | 'tagId'
  | 'apiKeyId'
  | 'slug'
  | 'monitorPayload'
  | 'editPayload'
  | 'notificationPayload'
  | 'proxyPayload'
  | 'dockerHostPayload'
  | 'maintenancePayload'
  | 'editMaintenancePayload'
  | 'monitorRefs'
  | 'pageRefs'
  | 'tagPayload'
  | 'editTagPayload'
  | 'apiKeyPayload'
  | 'pageConfig'
  | 'incident'
  | 'settings'
  | 'backupJson'
  | 'importHandle'
  | 'loginData'
  | 'token'
  | 'password'
  | 'text'
  | 'period'
  | 'pageOffset'
  | 'pageSize'
  | 'timezone'
  | 'groupList';

/**
 * Every client event and its arguments. An event the server registers without an entry here
 * fails the suite, so a new event is attacked as soon as it exists.
 */
const ARGUMENTS: Record<string, readonly ArgKind[]> = {
  needSetup: [],
  setup: ['text', 'password'],
  login: ['loginData'],
  loginByToken: ['token'],
  logout: [],
  changePassword: ['settings'],
  twoFAStatus: [],
  prepare2FA: ['password'],
  save2FA: ['password'],
  disable2FA: ['password'],
  verifyToken: ['text', 'password'],
  addAPIKey: ['apiKeyPayload'],
  getAPIKeyList: [],
  enableAPIKey: ['apiKeyId'],
  disableAPIKey: ['apiKeyId'],
  deleteAPIKey: ['apiKeyId'],
  uploadBackup: ['backupJson', 'importHandle'],
  addDockerHost: ['dockerHostPayload', 'dockerHostId'],
  deleteDockerHost: ['dockerHostId'],
  testDockerHost: ['dockerHostPayload'],
  addMaintenance: ['maintenancePayload'],
  editMaintenance: ['editMaintenancePayload'],
  getMaintenance: ['maintenanceId'],
  getMaintenanceList: [],
  deleteMaintenance: ['maintenanceId'],
  pauseMaintenance: ['maintenanceId'],
  resumeMaintenance: ['maintenanceId'],
  addMonitorMaintenance: ['maintenanceId', 'monitorRefs'],
  getMonitorMaintenance: ['maintenanceId'],
  addMaintenanceStatusPage: ['maintenanceId', 'pageRefs'],
  getMaintenanceStatusPage: ['maintenanceId'],
  clearEvents: ['monitorId'],
  clearHeartbeats: ['monitorId'],
  clearStatistics: [],
  getDatabaseSize: [],
  shrinkDatabase: [],
  add: ['monitorPayload'],
  editMonitor: ['editPayload'],
  deleteMonitor: ['monitorId'],
  pauseMonitor: ['monitorId'],
  resumeMonitor: ['monitorId'],
  getMonitor: ['monitorId'],
  getMonitorList: [],
  getMonitorBeats: ['monitorId', 'period'],
  getMonitorChartData: ['monitorId', 'period'],
  getMonitorStats: ['monitorId'],
  monitorImportantHeartbeatListCount: ['monitorId'],
  monitorImportantHeartbeatListPaged: ['monitorId', 'pageOffset', 'pageSize'],
  addNotification: ['notificationPayload', 'notificationId'],
  deleteNotification: ['notificationId'],
  testNotification: ['notificationPayload'],
  getNotificationDeliveries: [],
  addProxy: ['proxyPayload', 'proxyId'],
  deleteProxy: ['proxyId'],
  getGameList: [],
  checkApprise: [],
  testChrome: ['text'],
  disconnectOtherSocketClients: [],
  getSettings: [],
  setSettings: ['settings', 'password'],
  initServerTimezone: ['timezone'],
  addStatusPage: ['text', 'slug'],
  getStatusPage: ['slug'],
  saveStatusPage: ['slug', 'pageConfig', 'text', 'groupList'],
  deleteStatusPage: ['slug'],
  postIncident: ['slug', 'incident'],
  unpinIncident: ['slug'],
  getTags: [],
  addTag: ['tagPayload'],
  editTag: ['editTagPayload'],
  deleteTag: ['tagId'],
  addMonitorTag: ['tagId', 'monitorId', 'text'],
  editMonitorTag: ['tagId', 'monitorId', 'text'],
  deleteMonitorTag: ['tagId', 'monitorId', 'text'],
};

function nested(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = i % 2 ? { a: value } : [value];
  return value;
}

const PROTOTYPE_KEYS: unknown = JSON.parse(
  '{"__proto__":{"ok":true,"polluted":1},"constructor":{"prototype":{"polluted":1}},"id":1}',
);

/** Wrong types, huge and deep payloads, prototype keys: tried at every argument position. */
const HOSTILE: Record<string, unknown> = {
  zero: 0,
  'unsafe integer': 2 ** 53 + 1,
  text: 'abc',
  'empty text': '',
  boolean: true,
  null: null,
  array: [],
  object: {},
  'prototype keys': PROTOTYPE_KEYS,
  '__proto__ as text': '__proto__',
  'deep nesting': nested(2_000),
  'huge text': 'x'.repeat(200_000),
  'huge object': Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`k${i}`, i])),
  constructor: { constructor: { prototype: { polluted: 1 } } },
};

/** Events that end or change the session they run on: each gets a socket of its own. */
const SESSION_CHANGING = new Set([
  'setup',
  'login',
  'loginByToken',
  'logout',
  'disconnectOtherSocketClients',
]);

/** What one tenant owns, by kind. */
interface Owned {
  user: TestUser;
  token: string;
  monitorId: number;
  notificationId: number;
  proxyId: number;
  dockerHostId: number;
  maintenanceId: number;
  tagId: number;
  apiKeyId: number;
  apiKey: string;
  slug: string;
  pageId: number;
}

// B's private data carries this marker everywhere; A must never receive it.
const MARKER = 'zq7victimsecretzq7';

let ctx: ApiTestContext;
let a: Owned;
let b: Owned;
let attacker: TestClient;
let readKey: string;
let bTenantBefore: string;

const tally = {
  inputs: 0,
  crashes: [] as string[],
  leaks: [] as string[],
  refusedWrites: [] as string[],
};

async function seed(client: TestClient, user: TestUser, label: string): Promise<Owned> {
  const token = await client.login(user);
  const add = await client.call<{ monitorID: number }>(
    'add',
    httpMonitorPayload({
      name: `${label} monitor`,
      authMethod: 'basic',
      basic_auth_user: `${label} user`,
      basic_auth_pass: `${label} pass`,
      headers: JSON.stringify({ Authorization: `Bearer ${label}` }),
    }),
  );
  const notification = await client.call<{ id: number }>(
    'addNotification',
    { name: `${label} hook`, type: 'webhook', webhookURL: `https://hooks.example/${label}` },
    null,
  );
  const proxy = await client.call<{ id: number }>(
    'addProxy',
    {
      protocol: 'http',
      host: `${label}.example`,
      port: 3128,
      auth: true,
      username: 'u',
      password: label,
    },
    null,
  );
  const docker = await client.call<{ id: number }>(
    'addDockerHost',
    { name: `${label} docker`, dockerType: 'tcp', dockerDaemon: 'http://docker.example:2375' },
    null,
  );
  const maintenance = await client.call<{ maintenanceID: number }>('addMaintenance', {
    title: `${label} window`,
    strategy: 'manual',
    active: false,
  });
  const tag = await client.call<{ tag: { id: number } }>('addTag', {
    name: `${label} tag`,
    color: '#ff0000',
  });
  const key = await client.call<{ keyID: number; key: string }>('addAPIKey', {
    name: `${label} key`,
    expires: null,
    active: 1,
  });
  // Public by design (a status page is what its owner publishes): no marker in it.
  const slug = `page-${user.tenantId}`;
  await client.call('addStatusPage', 'A public page', slug);
  const page = await ctx.db
    .selectFrom('status_pages')
    .select('id')
    .where('slug', '=', slug)
    .where('tenant_id', '=', user.tenantId)
    .executeTakeFirstOrThrow();
  return {
    user,
    token,
    monitorId: add.monitorID,
    notificationId: notification.id,
    proxyId: proxy.id,
    dockerHostId: docker.id,
    maintenanceId: maintenance.maintenanceID,
    tagId: tag.tag.id,
    apiKeyId: key.keyID,
    apiKey: key.key,
    slug,
    pageId: page.id,
  };
}

/** A valid value of the kind, owned by `o`, and, where the kind names something, B's. */
function valueOf(kind: ArgKind, o: Owned): unknown {
  switch (kind) {
    case 'monitorId':
      return o.monitorId;
    case 'notificationId':
      return o.notificationId;
    case 'proxyId':
      return o.proxyId;
    case 'dockerHostId':
      return o.dockerHostId;
    case 'maintenanceId':
      return o.maintenanceId;
    case 'tagId':
      return o.tagId;
    case 'apiKeyId':
      return o.apiKeyId;
    case 'slug':
      return o.slug;
    case 'monitorPayload':
      return httpMonitorPayload({ name: 'attack', proxyId: o.proxyId });
    case 'editPayload':
      return httpMonitorPayload({ id: o.monitorId, name: 'attack' });
    case 'notificationPayload':
      return { name: 'attack', type: 'webhook', webhookURL: 'https://hooks.example/x' };
    case 'proxyPayload':
      return { protocol: 'http', host: 'attack.example', port: 3128 };
    case 'dockerHostPayload':
      return { name: 'attack', dockerType: 'tcp', dockerDaemon: 'http://docker.example:2375' };
    case 'maintenancePayload':
      return { title: 'attack', strategy: 'manual', active: false };
    case 'editMaintenancePayload':
      return { id: o.maintenanceId, title: 'attack', strategy: 'manual', active: false };
    case 'monitorRefs':
      return [{ id: o.monitorId }];
    case 'pageRefs':
      return [{ id: o.pageId }];
    case 'tagPayload':
      return { name: 'attack', color: '#000000' };
    case 'editTagPayload':
      return { id: o.tagId, name: 'attack', color: '#000000' };
    case 'apiKeyPayload':
      return { name: 'attack', expires: null, active: 1 };
    case 'pageConfig':
      return { slug: o.slug, title: 'attack', domainNameList: [] };
    case 'incident':
      return { title: 'attack', content: 'attack', style: 'danger' };
    case 'settings':
      return { searchEngineIndex: false };
    case 'backupJson':
      return JSON.stringify({ version: '1.23.0', notificationList: [], monitorList: [] });
    case 'importHandle':
      return 'skip';
    case 'loginData':
      return { username: o.user.username, password: 'wrong-password1', token: '' };
    case 'token':
      return 'not-a-token';
    case 'password':
      return 'wrong-password1';
    case 'text':
      return 'attack';
    case 'period':
      return 24;
    case 'pageOffset':
      return 0;
    case 'pageSize':
      return 25;
    case 'timezone':
      return 'UTC';
    case 'groupList':
      return [];
  }
}

const NAMES_SOMETHING = new Set<ArgKind>([
  'monitorId',
  'notificationId',
  'proxyId',
  'dockerHostId',
  'maintenanceId',
  'tagId',
  'apiKeyId',
  'slug',
  'editPayload',
  'editMaintenancePayload',
  'monitorRefs',
  'pageRefs',
  'editTagPayload',
  'pageConfig',
]);

// A read key is refused every change before its arguments are parsed: a few shapes and the
// valid call itself show that, the whole table would only repeat it.
const READ_KEY_HOSTILE = [PROTOTYPE_KEYS, HOSTILE['deep nesting'], HOSTILE['huge text']];

/** The argument lists to try: each hostile value and each of B's ids at each position. */
function casesFor(kinds: readonly ArgKind[], session: 'login' | 'read-key'): unknown[][] {
  const valid = kinds.map((k) => valueOf(k, a));
  if (kinds.length === 0) return READ_KEY_HOSTILE.map((value) => [value]);
  const hostile = session === 'login' ? Object.values(HOSTILE) : READ_KEY_HOSTILE;
  const cases: unknown[][] = session === 'login' ? [[]] : [valid];
  kinds.forEach((kind, i) => {
    const at = (value: unknown) => valid.map((v, j) => (i === j ? value : v));
    for (const value of hostile) cases.push(at(value));
    if (NAMES_SOMETHING.has(kind)) cases.push(at(valueOf(kind, b)));
  });
  return cases;
}

/**
 * Events whose success ack is empty, like a refusal's: logout ignores its arguments and ends
 * the user's tokens (docs/protocol/authentication.md#logout), so its write is its success.
 */
const ACKS_NOTHING = new Set(['logout']);

function isRefusal(reply: unknown[] | undefined): boolean {
  if (reply === undefined || reply.length === 0) return true;
  const [payload] = reply;
  return (
    payload === false ||
    (typeof payload === 'object' && payload !== null && 'ok' in payload && payload.ok === false)
  );
}

function isCrash(reply: unknown[] | undefined): boolean {
  return JSON.stringify(reply ?? null).includes('Internal error');
}

async function callOrSilence(client: TestClient, event: string, args: unknown[], acks: boolean) {
  if (!acks) {
    client.socket.emit(event, ...args);
    return undefined;
  }
  return new Promise<unknown[] | undefined>((resolve) => {
    // Only `login` with falsy data stays silent (docs/protocol/authentication.md#login).
    const timer = setTimeout(() => resolve(undefined), 300);
    client.socket.emit(event, ...args, (...reply: unknown[]) => {
      clearTimeout(timer);
      resolve(reply);
    });
  });
}

// Rows changed by a call, seen through a row trigger on every table: a refused call must
// change none. Failed-attempt counters are the point of a refused login, so they do not count.
const IGNORED_WRITES = new Set(['rate_limit_windows']);
let lastWriteId = 0;

async function installWriteLog(): Promise<void> {
  await sql`CREATE TABLE adversarial_writes (id bigserial PRIMARY KEY, table_name text, op text)`.execute(
    ctx.db,
  );
  await sql`
    CREATE FUNCTION adversarial_log() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO adversarial_writes (table_name, op) VALUES (TG_TABLE_NAME, TG_OP);
      RETURN NULL;
    END $$`.execute(ctx.db);
  const tables = await sql<{ name: string }>`
    SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
      AND c.relname <> 'adversarial_writes'`.execute(ctx.db);
  for (const { name } of tables.rows) {
    await sql`CREATE TRIGGER adversarial_log AFTER INSERT OR UPDATE OR DELETE ON ${sql.table(name)}
      FOR EACH ROW EXECUTE FUNCTION adversarial_log()`.execute(ctx.db);
  }
}

async function writesSinceLastCall(): Promise<string[]> {
  const rows = await sql<{ id: string; table_name: string; op: string }>`
    SELECT id, table_name, op FROM adversarial_writes WHERE id > ${lastWriteId} ORDER BY id`.execute(
    ctx.db,
  );
  const last = rows.rows.at(-1);
  if (last) lastWriteId = Number(last.id);
  return rows.rows
    .filter((r) => !IGNORED_WRITES.has(r.table_name))
    .map((r) => `${r.op} ${r.table_name}`);
}

/** Every row tenant B owns, as text: A's calls must leave it as it was. */
async function tenantRows(tenantId: number): Promise<string> {
  const tables = await sql<{ name: string }>`
    SELECT c.table_name AS name FROM information_schema.columns c
    JOIN pg_class p ON p.relname = c.table_name
    WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id' AND NOT p.relispartition
      AND c.table_name NOT IN ('rate_limit_windows', 'api_keys')
    ORDER BY c.table_name`.execute(ctx.db);
  const dumps: string[] = [];
  for (const { name } of tables.rows) {
    const rows = await sql<{ row: string }>`
      SELECT t::text AS row FROM ${sql.table(name)} t WHERE tenant_id = ${tenantId} ORDER BY 1`.execute(
      ctx.db,
    );
    dumps.push(`${name}: ${rows.rows.map((r) => r.row).join('|')}`);
  }
  return dumps.join('\n');
}

function checkLeak(where: string, received: unknown): void {
  if (JSON.stringify(received ?? null).includes(MARKER)) tally.leaks.push(where);
}

/** A's socket for one session kind: logged in with A's password or A's read key. */
async function sessionSocket(kind: 'login' | 'read-key'): Promise<TestClient> {
  const client = await ctx.connect();
  const ack = await client.call('loginByToken', kind === 'login' ? a.token : readKey);
  expect(ack).toEqual({ ok: true });
  return client;
}

async function attackEvent(client: TestClient, event: string, acks: boolean, cases: unknown[][]) {
  await writesSinceLastCall();
  for (const args of cases) {
    tally.inputs++;
    const label = `${event}(${JSON.stringify(args)?.slice(0, 60)})`;
    const mark = client.events.length;
    const reply = await callOrSilence(client, event, args, acks);
    if (!acks) continue;
    if (isCrash(reply)) tally.crashes.push(label);
    checkLeak(label, reply);
    checkLeak(`${label} pushes`, client.events.slice(mark));
    const writes = await writesSinceLastCall();
    if (isRefusal(reply) && writes.length > 0 && !ACKS_NOTHING.has(event))
      tally.refusedWrites.push(`${label}: ${writes.join(', ')}`);
  }
  if (!acks) {
    // Never acked: a call behind them on the same socket shows they have been handled.
    await client.call('getSettings');
    const writes = await writesSinceLastCall();
    if (writes.length > 0) tally.refusedWrites.push(`${event} (unacked): ${writes.join(', ')}`);
  }
  if (!client.socket.connected && !SESSION_CHANGING.has(event)) {
    tally.crashes.push(`${event}: the socket was dropped`);
  }
}

beforeAll(async () => {
  ctx = await createApiTestContext('adversarial');
  const aUser = await ctx.createUser('attacker');
  const bUser = await ctx.createUser(`victim-${MARKER}`);
  attacker = await ctx.connect();
  a = await seed(attacker, aUser, 'attacker');
  b = await seed(await ctx.connect(), bUser, `victim ${MARKER}`);
  const key = await attacker.call<{ key: string }>('addAPIKey', {
    name: 'reader',
    expires: null,
    active: 1,
    scope: 'read',
  });
  readKey = key.key;
  await installWriteLog();
  bTenantBefore = await tenantRows(b.user.tenantId);
}, 60_000);
afterAll(async () => ctx?.close());

describe('the adversarial suite', () => {
  it('has hostile input for every event the server registers', () => {
    const missing = HANDLERS.map((h) => h.event).filter((e) => !(e in ARGUMENTS));
    expect(missing).toEqual([]);
  });

  it('survives every hostile input on every event and route, with nothing leaked or written', async () => {
    // Logged in before the tarpit scenario loads the machine. The read-key socket comes after
    // the login session's run, whose disconnectOtherSocketClients ends every other socket.
    const loginMain = await sessionSocket('login');
    const fairnessDb: TestDatabase = await createTestDatabase();
    // B's checks are timed while A's monitors hang on a tarpit and A attacks the API.
    const fairness: Promise<FairnessResult> = runFairnessScenario(
      fairnessDb.db,
      uniqueRedisPrefix('adversarial-fairness'),
      {
        hostileMonitors: 500,
        victimMonitors: 20,
        tenantChecksInFlight: 5,
        workerConcurrency: 20,
        seconds: 8,
      },
    );
    try {
      // The events that end or change a session go last: disconnectOtherSocketClients ends
      // every other socket of the login, `main` included. Logout goes very last: it ends every
      // login token of the user (docs/protocol/compatibility.md#tokens-after-a-logout).
      const ordered = [
        ...HANDLERS.filter((h) => !SESSION_CHANGING.has(h.event)),
        ...HANDLERS.filter((h) => SESSION_CHANGING.has(h.event) && h.event !== 'logout'),
        ...HANDLERS.filter((h) => h.event === 'logout'),
      ];
      for (const session of ['login', 'read-key'] as const) {
        const main = session === 'login' ? loginMain : await sessionSocket('read-key');
        for (const { event, acks } of ordered) {
          if (SESSION_CHANGING.has(event))
            expect(main.socket.connected || session === 'login').toBe(true);
          const kinds = ARGUMENTS[event] ?? [];
          const cases = casesFor(kinds, session);
          const client = SESSION_CHANGING.has(event) ? await sessionSocket(session) : main;
          await attackEvent(client, event, acks, cases);
          if (client !== main) client.close();
        }
        main.close();
      }
      await attackRoutes();
    } finally {
      const result = await fairness;
      await fairnessDb.drop();
      const late = result.victimLatenessMs;
      console.log(
        `adversarial: inputs tried ${tally.inputs}, crashes ${tally.crashes.length}, leaks ${tally.leaks.length}, ` +
          `writes from refused input ${tally.refusedWrites.length}; another tenant's check lateness ` +
          `while one tenant runs 500 hostile monitors: p50 ${percentile(late, 50)} ms, p99 ${percentile(late, 99)} ms ` +
          `(${late.length} checks)`,
      );
    }
    expect(tally.crashes).toEqual([]);
    expect(tally.leaks).toEqual([]);
    expect(tally.refusedWrites).toEqual([]);
    expect(await tenantRows(b.user.tenantId)).toBe(bTenantBefore);
    // Loose: without the per-tenant cap every one of B's checks waits out A's 20 s timeouts.
    expect(percentile((await fairness).victimLatenessMs, 99)).toBeLessThan(10_000);
  }, 120_000);

  it('leaves the server answering, with no internal error logged', async () => {
    const fresh = await ctx.connect();
    await fresh.login(a.user);
    expect(await fresh.call('getMonitor', a.monitorId)).toMatchObject({ ok: true });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(ctx.logs.filter((l) => l.msg === 'socket handler failed')).toEqual([]);
    const health = await fetch(`${ctx.node.url}/healthz`);
    expect(health.status).toBe(200);
  });
});

/** Values for a route's path parameters: B's, and hostile ones. */
function pathValues(param: string): string[] {
  const hostile = ['-1', '__proto__', '..%2F..%2Fetc%2Fpasswd', 'x'.repeat(5_000), '%00'];
  switch (param) {
    case 'id':
      return [String(b.monitorId), ...hostile];
    case 'slug':
      return [b.slug, ...hostile];
    case 'file':
      return [`logo${b.pageId}.png`, ...hostile];
    case 'tenantId':
      return [String(b.user.tenantId), ...hostile];
    default:
      return ['attack', ...hostile];
  }
}

const QUERIES = [
  '?__proto__[polluted]=1&constructor[prototype][polluted]=1',
  '?status=up&msg=hi&ping=abc',
  `?msg=${'m'.repeat(10_000)}`,
  '?status[]=up&status[]=down&duration=-1&label[x]=1',
];

/** Every route the server registers, with hostile paths, queries, bodies and credentials. */
async function attackRoutes(): Promise<void> {
  const routes = ctx.node.api.routes.filter((r) => r.method !== 'HEAD' && r.method !== 'OPTIONS');
  expect(routes.length).toBeGreaterThan(10);
  await writesSinceLastCall();
  for (const route of routes) {
    const params = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
    const paths =
      params.length === 0
        ? [route.url]
        : params.flatMap((p) =>
            pathValues(p).map((v) => route.url.replace(`:${p}`, v).replace(/:\w+/g, 'x')),
          );
    // Every path value alone; every query and every credential on the first path.
    const requests = [
      ...paths.map((path) => ({ path, query: '', auth: undefined as string | undefined })),
      ...QUERIES.map((query) => ({ path: paths[0]!, query, auth: undefined })),
      ...[
        `Bearer ${readKey}`,
        `Bearer ${b.apiKey.slice(0, -4)}xxxx`,
        'Basic Og==',
        'x'.repeat(8_000),
      ].map((auth) => ({ path: paths[0]!, query: '', auth })),
    ];
    for (const { path, query, auth } of requests) {
      tally.inputs++;
      const label = `${route.method} ${path.slice(0, 60)}${query.slice(0, 30)}`;
      const body = route.method === 'GET' ? undefined : JSON.stringify(PROTOTYPE_KEYS);
      const response = await fetch(`${ctx.node.url}${path}${query}`, {
        method: route.method,
        redirect: 'manual',
        headers: {
          ...(auth && { authorization: auth }),
          ...(body && { 'content-type': 'application/json' }),
        },
        body,
      });
      const text = await response.text();
      if (response.status >= 500) tally.crashes.push(`${label}: ${response.status}`);
      checkLeak(label, text);
      const writes = await writesSinceLastCall();
      if (response.status >= 400 && writes.length > 0)
        tally.refusedWrites.push(`${label}: ${writes.join(', ')}`);
    }
  }
}
