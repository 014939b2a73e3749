import { expect } from 'vitest';
import { waitFor } from '@watchpost/core/testing';
import { httpMonitorPayload } from '../../testing/api-test-context.js';
import { fail, NO_ACK, ok, okMsg, type Step } from '../conformance-step.js';
import { syncTenant, type World } from '../conformance-world.js';
import { answerOf, lastPush, read, tenantRows } from '../read-back.js';

// docs/protocol/settings.md.

const NOT_LOGGED_IN = fail('You are not logged in.');
const MINIMAL_BACKUP = JSON.stringify({ version: '1.23.3', notificationList: [], monitorList: [] });

/** A 1.23 export (docs/protocol/settings.md) with one notification and one monitor that was paused. */
const backupWithOneOfEach = () => ({
  version: '1.23.3',
  notificationList: [
    {
      id: 7,
      name: 'alpha-imported-notify',
      config: JSON.stringify({ name: 'alpha-imported-notify', type: 'webhook', isDefault: false }),
      active: true,
      userId: 1,
      isDefault: false,
    },
  ],
  monitorList: [
    { ...httpMonitorPayload({ name: 'alpha-imported' }), id: 7, active: false, tags: [] },
  ],
});

const settings = async (w: World) => (await read(w, 'getSettings')).data as Record<string, unknown>;
const sameSettings = (w: World) => answerOf(w, 'getSettings', () => [])();

/** A no-argument event refused before login: the error case of events that take nothing. */
const notLoggedIn = (event: string): Step => ({
  event,
  title: 'not logged in',
  as: 'anon',
  args: () => [],
  ack: NOT_LOGGED_IN,
});

export function settingsSteps(): Step[] {
  return [
    {
      event: 'getSettings',
      title: 'answers the general settings with serverTimezone filled in',
      args: () => [],
      ack: ok({ data: expect.objectContaining({ serverTimezone: expect.any(String) }) }),
    },
    notLoggedIn('getSettings'),
    {
      event: 'setSettings',
      title: 'saves; acks "Saved", then pushes info and maintenanceList',
      args: () => [
        { primaryBaseURL: 'https://alpha.example', serverTimezone: 'Europe/Berlin' },
        null,
      ],
      ack: okMsg('Saved'),
      after: ['info', 'maintenanceList'],
      readBack: async (w, { push }) => {
        expect(await settings(w)).toMatchObject({
          primaryBaseURL: 'https://alpha.example',
          serverTimezone: 'Europe/Berlin',
        });
        expect(push('info')[0]).toMatchObject({
          version: expect.stringMatching(/^1\.23\.\d+$/),
          primaryBaseURL: 'https://alpha.example',
          serverTimezone: 'Europe/Berlin',
        });
      },
    },
    {
      event: 'setSettings',
      title: 'an unknown timezone',
      args: () => [{ serverTimezone: 'Mars/Olympus' }, null],
      ack: fail('Invalid timezone:Mars/Olympus'),
      unchanged: sameSettings,
    },
    {
      event: 'setSettings',
      title: 'disabling auth with a wrong current password',
      args: () => [{ disableAuth: true }, 'not-my-password1'],
      ack: fail('Incorrect current password'),
      unchanged: sameSettings,
    },
    {
      event: 'getSettings',
      title: 'another tenant sees its own settings, not these',
      as: 'b',
      args: () => [],
      ack: ok({ data: expect.objectContaining({ primaryBaseURL: '', serverTimezone: 'UTC' }) }),
    },
    {
      event: 'uploadBackup',
      title: 'restores; notificationList and monitorList before the ack',
      args: () => [MINIMAL_BACKUP, 'keep'],
      ack: okMsg('Backup successfully restored.'),
      before: ['notificationList', 'monitorList'],
      readBack: async (_w, { push }) => expect(push('monitorList')).toEqual([{}]),
    },
    {
      event: 'uploadBackup',
      title: 'imports a notification and a paused monitor',
      args: () => [JSON.stringify(backupWithOneOfEach()), 'keep'],
      ack: okMsg('Backup successfully restored.'),
      before: ['notificationList', 'monitorList'],
      readBack: async (_w, { push }) => {
        const [notifications] = push('notificationList') as [{ name: string }[]];
        expect(notifications.map((n) => n.name)).toEqual(['alpha-imported-notify']);
        const [monitors] = push('monitorList') as [Record<string, Record<string, unknown>>];
        expect(Object.values(monitors)).toMatchObject([{ name: 'alpha-imported', active: false }]);
      },
    },
    {
      event: 'uploadBackup',
      title: 'text that is not JSON',
      args: () => ['{not json', 'keep'],
      ack: fail(expect.any(String)),
      unchanged: (w) => tenantRows(w, 'monitors'),
    },
    {
      event: 'getGameList',
      title: 'answers the game catalogue',
      args: () => [],
      ack: ok({ gameList: expect.any(Array) }),
      readBack: async (_w, { ack }) => {
        const [first] = (ack as { gameList: Record<string, unknown>[] }).gameList;
        expect(first).toMatchObject({ keys: [expect.any(String)], pretty: expect.any(String) });
      },
    },
    notLoggedIn('getGameList'),
    {
      event: 'testChrome',
      title: 'answers ok and a text',
      args: () => ['no-such-chrome'],
      ack: { ok: expect.any(Boolean), msg: expect.any(String) },
    },
    {
      event: 'testChrome',
      title: 'an executable that is not text',
      args: () => [42],
      ack: fail(expect.any(String)),
    },
    {
      event: 'initServerTimezone',
      title: 'never acks; stores the zone and pushes info to this socket',
      args: () => ['Asia/Tokyo'],
      ack: NO_ACK,
      after: ['info'],
      readBack: async (w, { push }) => {
        expect(push('info')[0]).toMatchObject({ serverTimezone: 'Asia/Tokyo' });
        expect(await settings(w)).toMatchObject({ serverTimezone: 'Asia/Tokyo' });
      },
    },
    {
      event: 'initServerTimezone',
      title: 'an unknown zone changes nothing and pushes no info',
      args: () => ['Mars/Olympus'],
      ack: NO_ACK,
      unchanged: sameSettings,
      readBack: async (w, { events }) => {
        // Weak by nature: with no ack, the next call's reply is the only sign of progress.
        const mark = w.a.events.length;
        expect((await settings(w))['serverTimezone']).toBe('Asia/Tokyo');
        const seen = [...events, ...w.a.events.slice(mark)].map((e) => e.event);
        expect(seen).not.toContain('info');
      },
    },
    {
      event: 'getDatabaseSize',
      title: 'answers a size in bytes',
      args: () => [],
      ack: ok({ size: expect.any(Number) }),
    },
    notLoggedIn('getDatabaseSize'),
    { event: 'shrinkDatabase', title: 'acks ok', args: () => [], ack: ok() },
    notLoggedIn('shrinkDatabase'),
    {
      event: 'disconnectOtherSocketClients',
      title: 'another tenant’s call disconnects none of these sockets',
      as: 'b',
      args: () => [],
      ack: NO_ACK,
      readBack: async (w) => {
        await syncTenant(w, w.alice, [w.a, w.sibling]);
        expect(w.sibling.pushesSince(0, 'refresh')).toEqual([]);
        expect(w.sibling.socket.connected).toBe(true);
      },
    },
    {
      // docs/protocol/authentication.md#which-events-need-a-login: no ack even for a caller that is not logged in.
      event: 'disconnectOtherSocketClients',
      title: 'not logged in: still no ack, nobody is disconnected',
      as: 'anon',
      args: () => [],
      ack: NO_ACK,
      readBack: async (w) => {
        await syncTenant(w, w.alice, [w.a, w.sibling]);
        expect(w.sibling.socket.connected).toBe(true);
      },
    },
    {
      event: 'disconnectOtherSocketClients',
      title: 'never acks; the other sockets get refresh and are disconnected',
      args: () => [],
      ack: NO_ACK,
      readBack: async (w) => {
        await waitFor(() => {
          expect(lastPush(w.sibling, 'refresh')).toEqual([]);
          expect(w.sibling.socket.connected).toBe(false);
        });
        expect(w.a.socket.connected).toBe(true);
      },
    },
  ];
}
