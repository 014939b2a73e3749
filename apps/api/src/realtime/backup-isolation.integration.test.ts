import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kumaBackup, kumaBackupMonitor, sleep } from '@watchpost/core/testing';
import {
  createApiTestContext,
  type ApiTestContext,
  type TestClient,
  type TestUser,
} from '../testing/api-test-context.js';
import { eventsSince, tenantView, upload } from './backup-test-support.js';

// `uploadBackup` (docs/protocol/settings.md#uploadbackup): bad input answers {ok:false, msg} and changes nothing (architecture
// rule 6), and one tenant's import never reaches another tenant (rule 1).

let ctx: ApiTestContext;
let alice: TestUser;
let aliceClient: TestClient;
let bob: TestUser;
let bobClient: TestClient;

beforeAll(async () => {
  ctx = await createApiTestContext('backup-isolation');
  alice = await ctx.createUser('alice');
  bob = await ctx.createUser('bob');
  aliceClient = await ctx.connect();
  await aliceClient.login(alice);
  bobClient = await ctx.connect();
  await bobClient.login(bob);
  // Both tenants start with data an import could damage.
  const aliceBackup = kumaBackup({}, 'AlicePushToken00000000000000000a');
  expect(await upload(aliceClient, aliceBackup, 'keep')).toMatchObject({ ok: true });
  const bobBackup = kumaBackup({}, 'BobPushToken0000000000000000000b');
  expect(await upload(bobClient, bobBackup, 'keep')).toMatchObject({ ok: true });
});
afterAll(async () => ctx?.close());

function withMonitors(...monitors: Record<string, unknown>[]) {
  return kumaBackup({ monitorList: monitors });
}

describe('uploadBackup with bad input', () => {
  const valid = () => JSON.stringify(kumaBackup());
  const cases: [string, () => unknown[], RegExp][] = [
    ['a number instead of JSON text', () => [42, 'overwrite'], /must be sent as JSON text/],
    ['an object instead of JSON text', () => [kumaBackup(), 'keep'], /must be sent as JSON text/],
    ['malformed JSON', () => ['{"version": "1.23.3",', 'overwrite'], /not valid JSON/],
    ['JSON that is not an object', () => ['[1, 2]', 'overwrite'], /must be a JSON object/],
    [
      'a backup without monitorList',
      () => [JSON.stringify({ ...kumaBackup(), monitorList: undefined }), 'overwrite'],
      /monitorList/,
    ],
    [
      'a backup without a version',
      () => [JSON.stringify({ ...kumaBackup(), version: 'latest' }), 'overwrite'],
      /version/,
    ],
    [
      'a monitor with an invalid interval',
      () => [JSON.stringify(withMonitors(kumaBackupMonitor({ interval: 'soon' }))), 'overwrite'],
      /monitor 1 \("Homepage"\): Interval must be a number/,
    ],
    [
      'a valid backup whose third monitor is invalid',
      () => [
        JSON.stringify(
          withMonitors(
            kumaBackupMonitor({ name: 'one' }),
            kumaBackupMonitor({ name: 'two' }),
            kumaBackupMonitor({ name: 'three', type: 'telnet' }),
          ),
        ),
        'overwrite',
      ],
      /monitor 3 \("three"\): Unknown monitor type/,
    ],
    [
      'a tag without a name',
      () => [
        JSON.stringify(withMonitors(kumaBackupMonitor({ tags: [{ color: '#000', value: '' }] }))),
        'overwrite',
      ],
      /monitorList\.0\.tags\.0\.name/,
    ],
    [
      'an escaped NUL character',
      () => [valid().replace('Homepage', 'Home\\u0000page'), 'overwrite'],
      /NUL/,
    ],
    ['importHandle "bogus"', () => [valid(), 'bogus'], /importHandle must be/],
    ['no importHandle', () => [valid()], /importHandle must be/],
  ];

  it.each(cases)('refuses %s and changes nothing', async (_name, args, msg) => {
    const before = await tenantView(ctx, alice);
    const reply = await aliceClient.call<{ ok: boolean; msg: string }>('uploadBackup', ...args());
    expect(reply.ok).toBe(false);
    expect(reply.msg).toMatch(msg);
    expect(await tenantView(ctx, alice)).toEqual(before);
  });
});

describe('uploadBackup across tenants', () => {
  it('an overwrite by one tenant leaves the other untouched, unlinked and unaware', async () => {
    const aliceBefore = await tenantView(ctx, alice);
    const aliceProxy = (aliceBefore.proxyList as { id: number }[])[0]!.id;
    const aliceNotifications = (aliceBefore.notificationList as { id: number }[]).map((n) => n.id);
    const aliceMark = aliceClient.events.length;

    // Bob's backup names Alice's proxy id and notification ids as its own.
    const hostile = kumaBackup({
      notificationList: [],
      proxyList: [{ ...(kumaBackup().proxyList as object[])[0], id: aliceProxy, host: 'evil' }],
      monitorList: [
        kumaBackupMonitor({
          name: 'sneaky',
          proxy_id: aliceProxy,
          notificationIDList: Object.fromEntries(aliceNotifications.map((id) => [id, true])),
        }),
      ],
    });
    expect(await upload(bobClient, hostile, 'overwrite')).toMatchObject({ ok: true });
    await settle();
    expect(eventsSince(aliceClient, aliceMark)).toEqual([]);
    expect(await tenantView(ctx, alice)).toEqual(aliceBefore);

    const bobView = await tenantView(ctx, bob);
    const bobProxies = bobView.proxyList as { id: number; host: string }[];
    expect(bobProxies.map((p) => p.host)).toEqual(['evil']);
    expect(bobProxies[0]?.id).not.toBe(aliceProxy);
    const [sneaky] = Object.values(bobView.monitorList as Record<string, Record<string, unknown>>);
    expect(sneaky).toMatchObject({ proxyId: bobProxies[0]?.id, notificationIDList: {} });
  });

  it('an import reaches only the importing tenant’s sockets', async () => {
    const aliceMark = aliceClient.events.length;
    const bobMark = bobClient.events.length;
    const backup = kumaBackup({}, 'AlicePushToken00000000000000002a');
    expect(await upload(aliceClient, backup, 'keep')).toMatchObject({ ok: true });
    await settle();
    expect(eventsSince(bobClient, bobMark)).toEqual([]);
    expect(eventsSince(aliceClient, aliceMark)).toEqual([
      'notificationList',
      'proxyList',
      'monitorList',
      'ack:uploadBackup',
    ]);
  });
});

/** Room pushes travel through the Redis adapter; a push that would arrive has by then. */
function settle(): Promise<void> {
  return sleep(200);
}
