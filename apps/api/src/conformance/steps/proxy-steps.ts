import { expect } from 'vitest';
import { insertMonitor } from '../../testing/api-test-context.js';
import { fail, okMsg, type Step } from '../conformance-step.js';
import type { World } from '../conformance-world.js';
import { getMonitor, tenantRows } from '../read-back.js';

// docs/protocol/proxies.md.

const NOT_FOUND = 'proxy not found';

const proxyId = (w: World) => w.saved['proxy'] as number;
const monitorId = (w: World) => w.saved['proxied'] as number;
const allProxies = (w: World) => tenantRows(w, 'proxies');

const proxy = (overrides: Record<string, unknown> = {}) => ({
  protocol: 'http',
  host: '127.0.0.1',
  port: 3128,
  auth: false,
  username: null,
  password: null,
  active: true,
  default: false,
  applyExisting: false,
  ...overrides,
});

/** docs/protocol/proxies.md#proxy-object: a proxyList entry, booleans as 0/1. */
const listEntry = (w: World, overrides: Record<string, unknown> = {}) => ({
  id: proxyId(w),
  userId: w.alice.userId,
  protocol: 'http',
  host: '127.0.0.1',
  port: 3128,
  auth: 0,
  username: null,
  password: null,
  active: 1,
  default: 0,
  createdDate: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
  ...overrides,
});

const pushedList = (push: (event: string) => unknown[]) => push('proxyList')[0];

export function proxySteps(): Step[] {
  return [
    {
      event: 'addProxy',
      title: 'creates when the id is null; proxyList before the ack',
      args: () => [proxy(), null],
      ack: okMsg('Saved', { id: expect.any(Number) }),
      before: ['proxyList'],
      readBack: async (w, { ack, push }) => {
        w.saved['proxy'] = (ack as { id: number }).id;
        expect(pushedList(push)).toStrictEqual([listEntry(w)]);
      },
    },
    {
      event: 'addProxy',
      title: 'updates with applyExisting; proxyList and monitorList before the ack',
      arrange: async (w) => {
        w.saved['proxied'] = await insertMonitor(w.ctx.db, w.alice.tenantId, {
          name: 'alpha-proxied',
        });
      },
      args: (w) => [proxy({ port: 8080, applyExisting: true }), proxyId(w)],
      ack: (w: World) => okMsg('Saved', { id: proxyId(w) }),
      before: ['proxyList', 'monitorList'],
      readBack: async (w, { push }) => {
        expect(pushedList(push)).toStrictEqual([listEntry(w, { port: 8080 })]);
        expect(await getMonitor(w, monitorId(w))).toMatchObject({ proxyId: proxyId(w) });
      },
    },
    {
      event: 'addProxy',
      title: 'unknown id',
      args: () => [proxy(), 987_654],
      ack: fail(NOT_FOUND),
      unchanged: allProxies,
    },
    {
      event: 'addProxy',
      title: 'an unsupported protocol',
      args: () => [proxy({ protocol: 'ftp' }), null],
      ack: fail(expect.stringMatching(/^Unsupported proxy protocol/)),
      unchanged: allProxies,
    },
    {
      event: 'addProxy',
      title: 'another tenant’s proxy id is not found',
      as: 'b',
      args: (w) => [proxy({ host: 'bob.example' }), proxyId(w)],
      ack: fail(NOT_FOUND),
      unchanged: allProxies,
    },
    {
      event: 'deleteProxy',
      title: 'another tenant’s proxy id is not found',
      as: 'b',
      args: (w) => [proxyId(w)],
      ack: fail(NOT_FOUND),
      unchanged: allProxies,
    },
    {
      event: 'deleteProxy',
      title: 'deletes, monitors go direct; proxyList before the ack',
      args: (w) => [proxyId(w)],
      ack: okMsg('Deleted'),
      before: ['proxyList'],
      readBack: async (w, { push }) => {
        expect(pushedList(push)).toEqual([]);
        expect(await getMonitor(w, monitorId(w))).toMatchObject({ proxyId: null });
      },
    },
    {
      event: 'deleteProxy',
      title: 'an id that is gone',
      args: (w) => [proxyId(w)],
      ack: fail(NOT_FOUND),
      unchanged: allProxies,
    },
  ];
}
