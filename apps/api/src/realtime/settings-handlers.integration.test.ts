import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settingsRepository } from '@watchpost/core/db';
import { sleep } from '@watchpost/core/testing';
import {
  createApiTestContext,
  type ApiTestContext,
  type TestClient,
  type TestUser,
} from '../testing/api-test-context.js';

let ctx: ApiTestContext;
let alice: TestUser;
let bob: TestUser;

beforeAll(async () => {
  ctx = await createApiTestContext('settings');
  alice = await ctx.createUser('alice');
  bob = await ctx.createUser('bob');
});
afterAll(async () => ctx?.close());

async function loggedIn(user: TestUser, node = ctx.node): Promise<TestClient> {
  const client = await ctx.connect(node);
  await client.login(user);
  return client;
}

const stored = (user: TestUser) => settingsRepository.getGeneralSettings(ctx.db, user.tenantId);

/** What the Python client's `set_settings` sends for a 1.23 server. */
const PYTHON_SETTINGS = {
  checkUpdate: false,
  checkBeta: false,
  keepDataPeriodDays: 90,
  serverTimezone: 'Europe/Berlin',
  entryPage: 'dashboard',
  searchEngineIndex: false,
  primaryBaseURL: 'https://status.example.com',
  steamAPIKey: '',
  nscd: false,
  dnsCache: true,
  chromeExecutable: '',
  tlsExpiryNotifyDays: [7, 14, 21],
  disableAuth: false,
  trustProxy: false,
};

describe('getSettings (docs/protocol/settings.md, docs/protocol/settings.md#settings-object)', () => {
  it('answers the spec defaults and the effective zone for a tenant that saved nothing', async () => {
    const client = await loggedIn(bob);
    expect(await client.call('getSettings')).toEqual({
      ok: true,
      data: {
        checkUpdate: true,
        checkBeta: false,
        keepDataPeriodDays: 180,
        serverTimezone: 'UTC',
        entryPage: 'dashboard',
        searchEngineIndex: false,
        primaryBaseURL: '',
        steamAPIKey: '',
        dnsCache: false,
        chromeExecutable: '',
        tlsExpiryNotifyDays: [7, 14, 21],
        disableAuth: false,
        trustProxy: false,
      },
    });
  });

  it('answers "You are not logged in." before login', async () => {
    const anonymous = await ctx.connect();
    for (const [event, args] of [
      ['getSettings', []],
      ['setSettings', [PYTHON_SETTINGS, null]],
    ] as const) {
      expect(await anonymous.call(event, ...args)).toEqual({
        ok: false,
        msg: 'You are not logged in.',
      });
    }
    expect(await stored(alice)).toEqual({});
  });
});

describe('setSettings (docs/protocol/settings.md)', () => {
  it('acks "Saved", then pushes info to this socket and maintenanceList to the tenant', async () => {
    const client = await loggedIn(alice);
    const sibling = await loggedIn(alice);
    const from = client.events.length;
    const siblingInfo = sibling.events.length;
    const maintenancePush = sibling.waitFor('maintenanceList');
    expect(await client.call('setSettings', PYTHON_SETTINGS, null)).toEqual({
      ok: true,
      msg: 'Saved',
    });
    await client.waitFor('maintenanceList', { includePast: true });
    await maintenancePush;
    expect(client.pushesSince(from).map((e) => e.event)).toEqual([
      'ack:setSettings',
      'info',
      'maintenanceList',
    ]);
    const info = client.pushesSince(from, 'info')[0]?.args[0];
    expect(info).toEqual({
      version: '1.23.16',
      latestVersion: '1.23.16',
      isContainer: false,
      primaryBaseURL: 'https://status.example.com',
      serverTimezone: 'Europe/Berlin',
      serverTimezoneOffset: expect.stringMatching(/^\+0[12]:00$/),
      publicPathPrefix: '',
    });
    expect(client.pushesSince(from, 'maintenanceList')[0]?.args).toEqual([{}]);
    // `info` goes to the calling socket only.
    expect(sibling.pushesSince(siblingInfo, 'info')).toEqual([]);
  });

  it('reads every value back through getSettings and stores them as sent', async () => {
    const client = await loggedIn(alice);
    expect(await client.call('getSettings')).toEqual({ ok: true, data: PYTHON_SETTINGS });
    expect(await stored(alice)).toEqual(PYTHON_SETTINGS);
  });

  it('keeps keys it was not sent and stores unknown keys too', async () => {
    const client = await loggedIn(alice);
    await client.call('setSettings', { keepDataPeriodDays: 30, customKey: { a: 1 } }, null);
    expect(await stored(alice)).toEqual({
      ...PYTHON_SETTINGS,
      keepDataPeriodDays: 30,
      customKey: { a: 1 },
    });
  });

  it('reports the saved base URL and zone in the next login burst', async () => {
    const client = await loggedIn(alice);
    const infos = client.events.filter((e) => e.event === 'info');
    expect(infos.at(-1)?.args[0]).toMatchObject({
      version: '1.23.16',
      primaryBaseURL: 'https://status.example.com',
      serverTimezone: 'Europe/Berlin',
    });
  });

  it.each([
    ['an unknown time zone', { serverTimezone: 'Mars/Olympus' }, 'Invalid timezone:Mars/Olympus'],
    ['a non-object', 'checkUpdate', 'Settings must be an object.'],
    ['an array', [1, 2], 'Settings must be an object.'],
    ['null', null, 'Settings must be an object.'],
    ['too many keys', Object.fromEntries([...Array(101).keys()].map((i) => [`k${i}`, i])), null],
    ['too much data', { big: 'x'.repeat(70_000) }, null],
  ])('refuses %s and changes nothing', async (_title, data, msg) => {
    const client = await loggedIn(alice);
    const before = await stored(alice);
    const from = client.events.length;
    const reply = await client.call('setSettings', data, null);
    expect(reply).toEqual({ ok: false, msg: msg ?? expect.any(String) });
    expect(await stored(alice)).toEqual(before);
    await sleep(100);
    expect(client.pushesSince(from).map((e) => e.event)).toEqual(['ack:setSettings']);
  });
});

describe('disableAuth (docs/protocol/authentication.md#disabled-authentication)', () => {
  it('needs the current password to turn authentication off', async () => {
    const client = await loggedIn(alice);
    const on = { disableAuth: true };
    expect(await client.call('setSettings', on, null)).toEqual({
      ok: false,
      msg: 'Wrong data type?',
    });
    expect(await client.call('setSettings', on, 'wrong-password1')).toEqual({
      ok: false,
      msg: 'Incorrect current password',
    });
    expect((await stored(alice))['disableAuth']).toBe(false);
    expect(await client.call('setSettings', on, alice.password)).toEqual({
      ok: true,
      msg: 'Saved',
    });
    expect((await stored(alice))['disableAuth']).toBe(true);
  });

  it('refreshes and disconnects the user’s other sockets on every node when turned back on', async () => {
    const nodeB = await ctx.startNode();
    const client = await loggedIn(alice);
    const other = await loggedIn(alice, nodeB);
    const otherBob = await loggedIn(bob, nodeB);
    const refreshed = other.waitFor('refresh');
    const disconnected = new Promise((resolve) => other.socket.once('disconnect', resolve));
    // Turning authentication on again needs no password (docs/protocol/settings.md).
    expect(await client.call('setSettings', { disableAuth: false }, null)).toEqual({
      ok: true,
      msg: 'Saved',
    });
    expect(await refreshed).toEqual([]);
    await disconnected;
    expect(await client.call('getSettings')).toMatchObject({ ok: true });
    expect(otherBob.socket.connected).toBe(true);
    expect(otherBob.events.some((e) => e.event === 'refresh')).toBe(false);
  });
});

describe('tenant isolation', () => {
  it('never shows or changes another tenant’s settings, nor pushes to it', async () => {
    const aliceClient = await loggedIn(alice);
    const bobClient = await loggedIn(bob);
    const aliceBefore = await stored(alice);

    const bobSaved = bobClient.waitFor('maintenanceList');
    expect(
      await bobClient.call('setSettings', { primaryBaseURL: 'https://bob.example' }, null),
    ).toMatchObject({ ok: true });
    await bobSaved;
    expect(await stored(alice)).toEqual(aliceBefore);
    const bobSettings = (await bobClient.call('getSettings')) as { data: Record<string, unknown> };
    expect(bobSettings.data['primaryBaseURL']).toBe('https://bob.example');
    expect(bobSettings.data['keepDataPeriodDays']).toBe(180);

    const bobFrom = bobClient.events.length;
    const aliceSaved = aliceClient.waitFor('maintenanceList');
    await aliceClient.call('setSettings', { steamAPIKey: 'secret-steam-key' }, null);
    await aliceSaved;
    await sleep(200);
    expect(bobClient.pushesSince(bobFrom)).toEqual([]);
    expect(JSON.stringify(bobClient.events)).not.toContain('secret-steam-key');
    expect((await stored(bob))['steamAPIKey']).toBeUndefined();
  });
});

describe('initServerTimezone (docs/protocol/authentication.md#post-login-burst step 12, docs/protocol/settings.md)', () => {
  let carol: TestUser;
  beforeAll(async () => {
    carol = await ctx.createUser('carol');
  });

  it('is pushed, with no arguments, at the end of the burst until a zone was given', async () => {
    const client = await loggedIn(carol);
    const names = client.events.map((e) => e.event);
    expect(names.at(-2)).toBe('initServerTimezone');
    expect(client.events.at(-2)?.args).toEqual([]);
    expect(names.at(-1)).toBe('ack:login');
  });

  it('never acks, and stores nothing for an unknown zone or a non-text one', async () => {
    const client = await loggedIn(carol);
    let acked = false;
    for (const zone of ['Mars/Olympus', 42]) {
      client.socket.emit('initServerTimezone', zone, () => {
        acked = true;
      });
    }
    // One round trip on the same socket: the events before it have been handled.
    await client.call('getSettings');
    expect(acked).toBe(false);
    expect(await stored(carol)).toEqual({});
  });

  it('stores the zone sent without an ack, pushes info, and is not asked for again', async () => {
    const client = await loggedIn(carol);
    const info = client.waitFor('info');
    // The web UI sends it without an ack function.
    client.socket.emit('initServerTimezone', 'Asia/Tokyo');
    expect((await info)[0]).toMatchObject({ serverTimezone: 'Asia/Tokyo', version: '1.23.16' });
    const { data } = await client.call<{ data: Record<string, unknown> }>('getSettings');
    expect(data['serverTimezone']).toBe('Asia/Tokyo');

    const again = await loggedIn(carol);
    expect(again.events.map((e) => e.event)).not.toContain('initServerTimezone');
    // Other tenants keep their own zone.
    expect((await stored(bob))['serverTimezone']).not.toBe('Asia/Tokyo');
  });

  it('is ignored before login: no info push follows', async () => {
    const stranger = await ctx.connect();
    stranger.socket.emit('initServerTimezone', 'Asia/Tokyo');
    await stranger.call('needSetup');
    expect(stranger.events.filter((e) => e.event === 'info')).toHaveLength(1);
  });
});
