import { findAutoLoginUser, needsSetup } from '@watchpost/core/services';
import { startSessionWithBurst } from './after-login.js';
import { accountHandlers } from './account-handlers.js';
import { apiKeyHandlers } from './api-key-handlers.js';
import { authHandlers } from './auth-handlers.js';
import { backupHandlers } from './backup-handlers.js';
import type { SocketHandler } from './define-handler.js';
import { maintenanceHandlers } from './maintenance-handlers.js';
import { monitorHandlers } from './monitor-handlers.js';
import { notificationHandlers } from './notification-handlers.js';
import { proxyHandlers } from './proxy-handlers.js';
import { dockerHostHandlers } from './docker-host-handlers.js';
import { monitorDataHandlers } from './monitor-data-handlers.js';
import { tagHandlers } from './tag-handlers.js';
import type { RealtimeDeps } from './realtime-deps.js';
import { settingsHandlers } from './settings-handlers.js';
import { statusPageHandlers } from './status-page-handlers.js';
import { sessionOf } from './session.js';
import { wantsLeanBurst } from './lean-burst.js';
import { serverHandlers } from './server-handlers.js';
import { preLoginInfo } from '@watchpost/core/services';
import type { ApiSocket } from './socket-types.js';

/** Every client event this server answers; exported for the tests that walk all of them. */
export const HANDLERS: readonly SocketHandler[] = [
  ...authHandlers,
  ...accountHandlers,
  ...settingsHandlers,
  ...monitorHandlers,
  ...apiKeyHandlers,
  ...notificationHandlers,
  ...proxyHandlers,
  ...dockerHostHandlers,
  ...monitorDataHandlers,
  ...serverHandlers,
  ...maintenanceHandlers,
  ...tagHandlers,
  ...statusPageHandlers,
  ...backupHandlers,
];

/** Wires every client event of every socket through its defineHandler wrapper. */
export function registerSocketHandlers(deps: RealtimeDeps): void {
  assertUniqueEvents(HANDLERS);
  deps.io.on('connection', (socket) => {
    socket.data.leanBurst = wantsLeanBurst(socket.handshake.query);
    // docs/protocol/transport.md#on-connect step 1, before anything else reaches the socket.
    socket.emit('info', preLoginInfo());
    // Registered synchronously: an event the client sends right after connecting would be
    // lost if a listener were added after an await.
    for (const handler of HANDLERS) {
      socket.on(handler.event, (...args: unknown[]) => {
        void handler.run(socket, deps, args);
      });
    }
    void greet(socket, deps);
  });
}

/**
 * docs/protocol/transport.md#on-connect steps 2 and 3: `setup` (no arguments) while no user exists; otherwise, when
 * authentication is disabled (see findAutoLoginUser for when it can be), the login burst
 * followed by `autoLogin`.
 */
async function greet(socket: ApiSocket, deps: RealtimeDeps): Promise<void> {
  try {
    if (await needsSetup(deps)) {
      socket.emit('setup');
      return;
    }
    const identity = await findAutoLoginUser(deps);
    if (!identity || !socket.connected) return;
    const afterAck = await startSessionWithBurst(socket, deps, sessionOf(identity));
    await afterAck();
    socket.emit('autoLogin');
  } catch (error) {
    deps.logger.error({ err: error }, 'could not greet a new connection');
  }
}

function assertUniqueEvents(handlers: readonly SocketHandler[]): void {
  const seen = new Set<string>();
  for (const { event } of handlers) {
    if (seen.has(event)) throw new Error(`Two socket handlers for "${event}"`);
    seen.add(event);
  }
}
