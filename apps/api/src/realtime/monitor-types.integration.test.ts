import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MONITOR_TYPES, type MonitorType } from '@watchpost/core';
import {
  createApiTestContext,
  type ApiTestContext,
  type TestClient,
} from '../testing/api-test-context.js';
import { pythonAddPayload, TYPE_PAYLOADS } from '../testing/kuma-type-payloads.js';

type MonitorWire = Record<string, unknown> & { id: number };
type Ack = Record<string, unknown>;

/** Every key docs/protocol/monitors.md#monitor-object says a Monitor object always carries. */
const MONITOR_KEYS = [
  'id', 'name', 'description', 'pathName', 'parent', 'childrenIDs', 'url', 'method',
  'hostname', 'port', 'maxretries', 'weight', 'active', 'forceInactive', 'type', 'timeout',
  'interval', 'retryInterval', 'resendInterval', 'keyword', 'invertKeyword',
  'expiryNotification', 'ignoreTls', 'upsideDown', 'packetSize', 'maxredirects',
  'accepted_statuscodes', 'dns_resolve_type', 'dns_resolve_server', 'dns_last_result',
  'docker_container', 'docker_host', 'proxyId', 'notificationIDList', 'tags', 'maintenance',
  'mqttTopic', 'mqttSuccessMessage', 'databaseQuery', 'authMethod', 'grpcUrl', 'grpcProtobuf',
  'grpcMethod', 'grpcServiceName', 'grpcEnableTls', 'radiusCalledStationId',
  'radiusCallingStationId', 'game', 'gamedigGivenPortOnly', 'httpBodyEncoding', 'jsonPath',
  'expectedValue', 'kafkaProducerTopic', 'kafkaProducerBrokers', 'kafkaProducerSsl',
  'kafkaProducerAllowAutoTopicCreation', 'kafkaProducerMessage', 'screenshot', 'headers',
  'body', 'grpcBody', 'grpcMetadata', 'basic_auth_user', 'basic_auth_pass', 'oauth_client_id',
  'oauth_client_secret', 'oauth_token_url', 'oauth_scopes', 'oauth_auth_method', 'pushToken',
  'databaseConnectionString', 'radiusUsername', 'radiusPassword', 'radiusSecret',
  'mqttUsername', 'mqttPassword', 'authWorkstation', 'authDomain', 'tlsCa', 'tlsCert',
  'tlsKey', 'kafkaProducerSaslOptions', 'includeSensitiveData',
]; // prettier-ignore

/** Input keys that are not echoed as sent: links and the fields the server computes. */
const NOT_ECHOED = new Set(['notificationIDList']);

let ctx: ApiTestContext;
let client: TestClient;
let groupId: number;

beforeAll(async () => {
  ctx = await createApiTestContext('monitor-types');
  const user = await ctx.createUser('types');
  client = await ctx.connect();
  await client.login(user);
  const ack = (await client.call('add', pythonAddPayload('group', {}))) as Ack;
  expect(ack).toMatchObject({ ok: true });
  groupId = ack.monitorID as number;
});
afterAll(async () => ctx?.close());

async function getMonitor(id: number): Promise<MonitorWire> {
  const ack = (await client.call('getMonitor', id)) as Ack;
  expect(ack.ok).toBe(true);
  return ack.monitor as MonitorWire;
}

async function listedMonitor(id: number): Promise<MonitorWire> {
  const mark = client.events.length;
  expect(await client.call('getMonitorList')).toEqual({ ok: true });
  const list = client.pushesSince(mark, 'monitorList').at(-1)?.args[0] as
    Record<string, MonitorWire> | undefined;
  const listed = list?.[String(id)];
  if (!listed) throw new Error(`monitor ${id} missing from monitorList`);
  return listed;
}

/** What the server must answer for a payload: every key it was sent, as sent. */
function echoed(payload: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(payload).filter(([key]) => !NOT_ECHOED.has(key)));
}

function expectWireShape(monitor: MonitorWire): void {
  expect(Object.keys(monitor)).toEqual(expect.arrayContaining(MONITOR_KEYS));
}

describe('every monitor type of docs/protocol/monitoring.md#monitor-types round-trips through add, getMonitor, monitorList and editMonitor', () => {
  it('covers every type Watchpost knows', () => {
    const covered = [...Object.keys(TYPE_PAYLOADS), 'group'].sort();
    expect(covered).toEqual([...MONITOR_TYPES].sort());
  });

  it.each(Object.keys(TYPE_PAYLOADS) as Exclude<MonitorType, 'group'>[])(
    'stores and returns every field of a "%s" monitor',
    async (type) => {
      const { create, edit } = TYPE_PAYLOADS[type];
      const payload = pythonAddPayload(type, { ...create, parent: groupId });
      const added = (await client.call('add', payload)) as Ack;
      expect(added).toMatchObject({ ok: true, msg: 'Added Successfully.' });
      const id = added.monitorID as number;

      const stored = await getMonitor(id);
      expectWireShape(stored);
      expect(stored).toMatchObject({
        ...echoed(payload),
        id,
        pathName: `group monitor / ${type} monitor`,
      });
      expect(await listedMonitor(id)).toEqual(stored);

      // As Python edits: the whole object read back, with its changes on top.
      const changed = { ...stored, ...edit, name: `${type} edited`, interval: 120, parent: null };
      const saved = (await client.call('editMonitor', changed)) as Ack;
      expect(saved).toEqual({ ok: true, msg: 'Saved.', monitorID: id });

      const reread = await getMonitor(id);
      expectWireShape(reread);
      expect(reread).toMatchObject({
        ...edit,
        name: `${type} edited`,
        interval: 120,
        parent: null,
      });
      const untouched = Object.fromEntries(
        Object.entries(echoed(payload)).filter(([key]) => !(key in edit) && key !== 'parent'),
      );
      expect(reread).toMatchObject({ ...untouched, name: `${type} edited`, interval: 120 });
      expect(await listedMonitor(id)).toEqual(reread);
    },
  );

  it('stores a group and lists its members as childrenIDs', async () => {
    const member = (await client.call(
      'add',
      pythonAddPayload('port', { ...TYPE_PAYLOADS.port.create, parent: groupId }),
    )) as Ack;
    const group = await getMonitor(groupId);
    expectWireShape(group);
    expect(group).toMatchObject({ type: 'group', name: 'group monitor', parent: null });
    const edited = (await client.call('editMonitor', {
      ...group,
      description: 'all of it',
      interval: 30,
    })) as Ack;
    expect(edited).toMatchObject({ ok: true, msg: 'Saved.' });
    expect(await listedMonitor(groupId)).toMatchObject({
      type: 'group',
      description: 'all of it',
      interval: 30,
      childrenIDs: [member.monitorID],
    });
  });

  it('ignores dns_last_result sent by a client: only the checker writes it', async () => {
    const added = (await client.call(
      'add',
      pythonAddPayload('dns', { ...TYPE_PAYLOADS.dns.create, dns_last_result: 'Records: 6.6.6.6' }),
    )) as Ack;
    const stored = await getMonitor(added.monitorID as number);
    expect(stored.dns_last_result).toBeNull();
  });
});
