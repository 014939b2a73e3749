import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeyRepository, type NewApiKey } from '@watchpost/core/db';
import {
  createApiTestContext,
  httpMonitorPayload,
  insertMonitor,
  type ApiTestContext,
  type TestClient,
  type TestUser,
} from '../testing/api-test-context.js';
import { ACCOUNT_EVENT_MSG, READ_ONLY_SESSION_MSG } from './define-handler.js';
import { HANDLERS } from './register-socket-handlers.js';

// Issue 4: an API key logs a socket in (loginByToken) as its tenant, with its scope.

let ctx: ApiTestContext;
let alice: TestUser;
let aliceMonitor: number;

beforeAll(async () => {
  ctx = await createApiTestContext('api-key-sessions');
  alice = await ctx.createUser('alice');
  aliceMonitor = await insertMonitor(ctx.db, alice.tenantId, { name: 'alice-web' });
});
afterAll(async () => ctx?.close());

function createKey(overrides: Partial<NewApiKey> = {}, owner: TestUser = alice) {
  return apiKeyRepository.createApiKey(ctx.db, owner.tenantId, owner.userId, {
    name: 'k',
    expires: null,
    expiresAt: null,
    active: true,
    scope: 'write',
    ...overrides,
  });
}

async function connectWithKey(key: string): Promise<TestClient> {
  const client = await ctx.connect();
  expect(await client.call('loginByToken', key)).toEqual({ ok: true });
  return client;
}

/** Everything a refused call could have changed. */
async function snapshot() {
  const [monitors, states, keys, settings] = await Promise.all([
    ctx.db.selectFrom('monitors').selectAll().orderBy('id').execute(),
    ctx.db.selectFrom('monitor_state').selectAll().orderBy('monitor_id').execute(),
    ctx.db.selectFrom('api_keys').selectAll().orderBy('id').execute(),
    ctx.db.selectFrom('tenant_settings').selectAll().orderBy(['tenant_id', 'key']).execute(),
  ]);
  return { monitors, states, settings, keys: keys.map(({ last_used_at: _, ...rest }) => rest) };
}

describe('loginByToken with an API key', () => {
  it('logs in as the key’s tenant with the whole login burst', async () => {
    const { key } = await createKey();
    const client = await connectWithKey(key);
    const [monitorList] = await client.waitFor('monitorList', { includePast: true });
    expect(Object.keys(monitorList as object)).toEqual([String(aliceMonitor)]);
    for (const event of ['info', 'notificationList', 'apiKeyList', 'statusPageList']) {
      expect(client.events.some((e) => e.event === event)).toBe(true);
    }
    expect(await client.call('getMonitor', aliceMonitor)).toMatchObject({ ok: true });
  });

  it('records when the key was used', async () => {
    const { id, key } = await createKey();
    await connectWithKey(key);
    const row = await ctx.db
      .selectFrom('api_keys')
      .select('last_used_at')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.last_used_at).toBeInstanceOf(Date);
  });

  it('refuses malformed, wrong, disabled, expired and deleted keys with a clear message', async () => {
    const good = await createKey();
    const wrongSecret = `uk${good.id}_${'A'.repeat(40)}`;
    const disabled = await createKey({ active: false });
    const expired = await createKey({
      expires: '2000-01-01 00:00:00',
      expiresAt: new Date('2000-01-01T00:00:00Z'),
    });
    const deleted = await createKey();
    await apiKeyRepository.deleteApiKey(ctx.db, alice.tenantId, deleted.id);

    const client = await ctx.connect();
    const cases: [string, string][] = [
      ['uk1_short', 'Malformed API key: expected uk<id>_<key>.'],
      [wrongSecret, 'Invalid API key.'],
      [disabled.key, 'This API key is disabled.'],
      [expired.key, 'This API key has expired.'],
      [deleted.key, 'Invalid API key.'],
    ];
    for (const [key, msg] of cases) {
      expect(await client.call('loginByToken', key)).toEqual({ ok: false, msg });
    }
    expect(await client.call('getMonitorList')).toEqual({
      ok: false,
      msg: 'You are not logged in.',
    });
  });

  it('only ever opens the key’s own tenant', async () => {
    const bob = await ctx.createUser('bob');
    const { key } = await createKey({}, bob);
    const client = await connectWithKey(key);
    const [monitorList] = await client.waitFor('monitorList', { includePast: true });
    expect(monitorList).toEqual({});
    expect(await client.call('getMonitor', aliceMonitor)).toMatchObject({ ok: false });
    expect(await client.call('pauseMonitor', aliceMonitor)).toMatchObject({ ok: false });
  });

  it('ends the sessions a key opened when it is disabled or deleted', async () => {
    const owner = await ctx.connect();
    await owner.login(alice);
    for (const event of ['disableAPIKey', 'deleteAPIKey']) {
      const { id, key } = await createKey();
      const client = await connectWithKey(key);
      const disconnected = new Promise((resolve) => client.socket.once('disconnect', resolve));
      expect(await owner.call(event, id)).toMatchObject({ ok: true });
      await disconnected;
    }
    // The owner's password session is not one of them.
    expect(owner.socket.connected).toBe(true);
  });
});

describe('a read-scope API key session', () => {
  let reader: TestClient;
  let keyId: number;

  beforeAll(async () => {
    const created = await createKey({ scope: 'read' });
    keyId = created.id;
    reader = await connectWithKey(created.key);
  });

  it('reads everything its tenant can', async () => {
    expect(await reader.call('getMonitorList')).toEqual({ ok: true });
    expect(await reader.call('getMonitor', aliceMonitor)).toMatchObject({ ok: true });
    expect(await reader.call('getMonitorBeats', aliceMonitor, 24)).toMatchObject({ ok: true });
    expect(await reader.call('getAPIKeyList')).toEqual({ ok: true });
  });

  /** Arguments that would succeed for a write session, so a missing check would show. */
  function realisticArgs(event: string): unknown[] {
    switch (event) {
      case 'add':
        return [httpMonitorPayload({ name: 'sneaky' })];
      case 'editMonitor':
        return [httpMonitorPayload({ id: aliceMonitor, name: 'renamed' })];
      case 'addAPIKey':
        return [{ name: 'escalate', expires: null, active: 1, scope: 'write' }];
      case 'enableAPIKey':
      case 'disableAPIKey':
      case 'deleteAPIKey':
        return [keyId];
      case 'initServerTimezone':
        return ['Asia/Tokyo'];
      default:
        return [aliceMonitor];
    }
  }

  it('answers every mutating event registered on the server with ok:false and changes nothing', async () => {
    const guarded = HANDLERS.filter((h) => h.access === 'write' || h.access === 'account');
    expect(guarded.map((h) => h.event)).toEqual(
      expect.arrayContaining([
        'add',
        'editMonitor',
        'deleteMonitor',
        'pauseMonitor',
        'resumeMonitor',
        'addAPIKey',
        'enableAPIKey',
        'disableAPIKey',
        'deleteAPIKey',
      ]),
    );
    const before = await snapshot();
    const writerSocket = await ctx.connect();
    await writerSocket.login(alice);
    for (const { event, access, acks } of guarded) {
      if (!acks) {
        // Never acks (docs/protocol/authentication.md#which-events-need-a-login): refused silently, so only its lack of effect shows.
        reader.socket.emit(event, ...realisticArgs(event));
        continue;
      }
      const msg = access === 'account' ? ACCOUNT_EVENT_MSG : READ_ONLY_SESSION_MSG;
      expect([event, await reader.call(event, ...realisticArgs(event))]).toEqual([
        event,
        { ok: false, msg },
      ]);
    }
    // A read on the same socket: every event sent before it has been handled.
    await reader.call('getMonitorList');
    expect(await snapshot()).toEqual(before);
    expect(reader.socket.connected).toBe(true);
    // disconnectOtherSocketClients would have dropped the owner's own socket.
    expect(writerSocket.socket.connected).toBe(true);
  });

  it('is not refused because of the arguments: a write key makes the same calls', async () => {
    const { key } = await createKey({ scope: 'write' });
    const writer = await connectWithKey(key);
    expect(await writer.call('pauseMonitor', ...realisticArgs('pauseMonitor'))).toEqual({
      ok: true,
      msg: 'Paused Successfully.',
    });
    expect(await writer.call('add', ...realisticArgs('add'))).toMatchObject({ ok: true });
  });
});
