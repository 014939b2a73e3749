import { describe, expect, it, vi } from 'vitest';
import type { ClientEventName } from '@watchpost/core';
import {
  ACCOUNT_EVENT_MSG,
  accessOf,
  defineHandler,
  definePublicHandler,
  READ_ONLY_SESSION_MSG,
  type SocketHandler,
} from './define-handler.js';
import type { RealtimeDeps } from './realtime-deps.js';
import { HANDLERS } from './register-socket-handlers.js';
import type { ApiSocket, Session } from './socket-types.js';

const passwordSession: Session = {
  userId: 1,
  tenantId: 1,
  username: 'alice',
  scope: 'write',
  apiKeyId: null,
  apiKeyExpiresAt: null,
};
const writeKeySession: Session = { ...passwordSession, apiKeyId: 5 };
const readKeySession: Session = { ...passwordSession, scope: 'read', apiKeyId: 6 };

const deps = { logger: { error: vi.fn() } } as unknown as RealtimeDeps;

/** Runs one call of the handler on a socket holding `session`; answers the ack payload. */
async function call(handler: SocketHandler, session: Session | undefined): Promise<unknown> {
  const socket = { data: { session } } as unknown as ApiSocket;
  const ack = vi.fn();
  await handler.run(socket, deps, [ack]);
  return ack.mock.calls[0]?.[0];
}

function spyHandler(event: ClientEventName) {
  const handle = vi.fn(async () => ({ ok: true }));
  return { handle, handler: defineHandler(event, [], handle) };
}

describe('event access', () => {
  it('classifies Kuma’s read events as read and the login’s credentials as account', () => {
    expect(accessOf('getMonitorList')).toBe('read');
    expect(accessOf('getAPIKeyList')).toBe('read');
    expect(accessOf('changePassword')).toBe('account');
    expect(accessOf('disable2FA')).toBe('account');
    for (const event of ['addAPIKey', 'enableAPIKey', 'deleteAPIKey']) {
      expect(accessOf(event)).toBe('account');
    }
    expect(accessOf('disableAPIKey')).toBe('write');
  });

  it('treats any event it does not know as mutating (fails closed)', () => {
    expect(accessOf('someEventAddedNextYear')).toBe('write');
  });

  it('marks every mutating event registered today as write, and only reads as read', () => {
    const byAccess = (access: string) =>
      HANDLERS.filter((h) => h.access === access).map((h) => h.event);
    expect(byAccess('write')).toEqual(
      expect.arrayContaining([
        'add',
        'editMonitor',
        'deleteMonitor',
        'pauseMonitor',
        'resumeMonitor',
        'disableAPIKey',
        'addNotification',
        'deleteNotification',
        // It acts (sends a real message), so a read-only key may not use it.
        'testNotification',
      ]),
    );
    for (const event of byAccess('read'))
      expect(event).toMatch(/^get|^twoFAStatus$|^checkApprise$|^monitorImportantHeartbeatList/);
  });
});

describe('session checks in defineHandler', () => {
  it('refuses a mutating event to a read-only key session without running it', async () => {
    const { handle, handler } = spyHandler('pauseMonitor');
    expect(await call(handler, readKeySession)).toEqual({ ok: false, msg: READ_ONLY_SESSION_MSG });
    expect(handle).not.toHaveBeenCalled();
  });

  it('runs a read event for a read-only key session', async () => {
    const { handle, handler } = spyHandler('getMonitorList');
    expect(await call(handler, readKeySession)).toEqual({ ok: true });
    expect(handle).toHaveBeenCalledOnce();
  });

  it('runs a mutating event for a write key and for a password session', async () => {
    const { handle, handler } = spyHandler('pauseMonitor');
    expect(await call(handler, writeKeySession)).toEqual({ ok: true });
    expect(await call(handler, passwordSession)).toEqual({ ok: true });
    expect(handle).toHaveBeenCalledTimes(2);
  });

  it('keeps account events to password sessions, refusing every API key', async () => {
    const { handle, handler } = spyHandler('changePassword');
    expect(await call(handler, writeKeySession)).toEqual({ ok: false, msg: ACCOUNT_EVENT_MSG });
    expect(await call(handler, readKeySession)).toEqual({ ok: false, msg: ACCOUNT_EVENT_MSG });
    expect(await call(handler, passwordSession)).toEqual({ ok: true });
    expect(handle).toHaveBeenCalledOnce();
  });

  it('still lets a read-only key session call public events such as logout', async () => {
    const handle = vi.fn(async () => ({ ok: true }));
    const handler = definePublicHandler('logout', [], handle);
    expect(handler.access).toBe('public');
    expect(await call(handler, readKeySession)).toEqual({ ok: true });
  });

  it('answers "not logged in" before any scope check', async () => {
    const { handler } = spyHandler('pauseMonitor');
    expect(await call(handler, undefined)).toEqual({ ok: false, msg: 'You are not logged in.' });
  });
});
