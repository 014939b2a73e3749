import { expect } from 'vitest';
import { startFakeService, type FakeService } from '@watchpost/core/testing';
import { fail, ok, okMsg, type Step } from '../conformance-step.js';
import type { World } from '../conformance-world.js';
import { insertMonitor } from '../../testing/api-test-context.js';
import { getMonitor, tenantRows } from '../read-back.js';

// docs/protocol/notifications.md, plus Watchpost's own `getNotificationDeliveries`.

const NOT_FOUND = 'notification not found';

const notificationId = (w: World) => w.saved['notification'] as number;
const allNotifications = (w: World) => tenantRows(w, 'notifications');

const webhook = (name: string, url = 'http://127.0.0.1:9/') => ({
  name,
  type: 'webhook',
  isDefault: false,
  applyExisting: false,
  webhookURL: url,
  webhookContentType: 'json',
});

/** docs/protocol/notifications.md#notification-object: a notificationList entry, its config as JSON text. */
const listEntry = (w: World, name: string) => ({
  id: notificationId(w),
  name,
  config: expect.any(String),
  active: true,
  userId: w.alice.userId,
  isDefault: false,
});

function pushedList(push: (event: string) => unknown[]): Record<string, unknown>[] {
  return push('notificationList')[0] as Record<string, unknown>[];
}

/** Bob tries tenant A's notification id with the id-taking events of docs/protocol/notifications.md. */
function strangerSteps(): Step[] {
  return [
    {
      event: 'addNotification',
      title: 'another tenant’s notification id is not found',
      as: 'b',
      args: (w) => [webhook('bob'), notificationId(w)],
      ack: fail(NOT_FOUND),
      unchanged: allNotifications,
    },
    {
      event: 'deleteNotification',
      title: 'another tenant’s notification id is not found',
      as: 'b',
      args: (w) => [notificationId(w)],
      ack: fail(NOT_FOUND),
      unchanged: allNotifications,
    },
  ];
}

export function notificationSteps(): Step[] {
  return [
    {
      event: 'addNotification',
      title: 'creates when the id is null; notificationList before the ack',
      args: () => [webhook('alpha-notify'), null],
      ack: okMsg('Saved', { id: expect.any(Number) }),
      before: ['notificationList'],
      readBack: async (w, { ack, push }) => {
        w.saved['notification'] = (ack as { id: number }).id;
        const [entry] = pushedList(push);
        expect(entry).toStrictEqual(listEntry(w, 'alpha-notify'));
        expect(JSON.parse(entry!.config as string)).toMatchObject(webhook('alpha-notify'));
      },
    },
    {
      event: 'addNotification',
      title: 'updates when the id is given',
      args: (w) => [webhook('alpha-notify-2'), notificationId(w)],
      ack: (w: World) => okMsg('Saved', { id: notificationId(w) }),
      before: ['notificationList'],
      readBack: async (w, { push }) => {
        expect(pushedList(push)).toStrictEqual([listEntry(w, 'alpha-notify-2')]);
      },
    },
    {
      event: 'addNotification',
      title: 'applyExisting links every monitor of the tenant',
      arrange: async (w) => {
        w.saved['notified'] = await insertMonitor(w.ctx.db, w.alice.tenantId, {
          name: 'alpha-notified',
        });
      },
      args: (w) => [{ ...webhook('alpha-notify-2'), applyExisting: true }, notificationId(w)],
      ack: (w: World) => okMsg('Saved', { id: notificationId(w) }),
      before: ['notificationList'],
      readBack: async (w) => {
        expect((await getMonitor(w, w.saved['notified'])).notificationIDList).toEqual({
          [String(notificationId(w))]: true,
        });
      },
    },
    {
      event: 'addNotification',
      title: 'unknown id',
      args: () => [webhook('ghost'), 987_654],
      ack: fail(NOT_FOUND),
      unchanged: allNotifications,
    },
    {
      event: 'addNotification',
      title: 'a notification without a type',
      args: () => [{ name: 'typeless' }, null],
      ack: fail('Notification type is required.'),
      unchanged: allNotifications,
    },
    {
      event: 'testNotification',
      title: 'sends "<name> Testing" through the unsaved config',
      arrange: async (w) => {
        w.saved['hook'] = await startFakeService();
      },
      args: (w) => [webhook('alpha-test', `${(w.saved['hook'] as FakeService).url}/hook`)],
      ack: okMsg('Sent Successfully.'),
      readBack: async (w) => {
        const hook = w.saved['hook'] as FakeService;
        await hook.close();
        expect(hook.requests).toHaveLength(1);
        expect(JSON.stringify(hook.requests[0]!.json)).toContain('alpha-test Testing');
      },
    },
    {
      event: 'testNotification',
      title: 'a type without a provider',
      args: () => [{ name: 'x', type: 'no-such-provider' }],
      ack: fail('Notification type is not supported'),
    },
    {
      event: 'checkApprise',
      title: 'acks a bare boolean',
      args: () => [],
      ack: expect.any(Boolean),
    },
    {
      event: 'checkApprise',
      title: 'not logged in acks bare false',
      as: 'anon',
      args: () => [],
      ack: false,
    },
    {
      event: 'getNotificationDeliveries',
      title: 'Watchpost’s own: the latest deliveries',
      args: () => [],
      ack: ok({ deliveries: [] }),
    },
    {
      event: 'getNotificationDeliveries',
      title: 'not logged in',
      as: 'anon',
      args: () => [],
      ack: fail('You are not logged in.'),
    },
    ...strangerSteps(),
    {
      event: 'deleteNotification',
      title: 'deletes; notificationList before the ack',
      args: (w) => [notificationId(w)],
      ack: okMsg('Deleted'),
      before: ['notificationList'],
      readBack: async (w, { push }) => {
        expect(pushedList(push)).toEqual([]);
        expect((await getMonitor(w, w.saved['notified'])).notificationIDList).toEqual({});
      },
    },
    {
      event: 'deleteNotification',
      title: 'an id that is gone',
      args: (w) => [notificationId(w)],
      ack: fail(NOT_FOUND),
      unchanged: allNotifications,
    },
  ];
}
