import { tenantRepository } from '@watchpost/core/db';
import { accountHandlers } from './account-handlers.js';
import { apiKeyHandlers } from './api-key-handlers.js';
import { authHandlers } from './auth-handlers.js';
import type { SocketHandler } from './define-handler.js';
import { maintenanceHandlers } from './maintenance-handlers.js';
import { monitorHandlers } from './monitor-handlers.js';
import { notificationHandlers } from './notification-handlers.js';
import { proxyHandlers } from './proxy-handlers.js';
import { dockerHostHandlers } from './docker-host-handlers.js';
import { maintenanceOfDataHandlers } from './maintenance-of-data-handlers.js';
import { tagHandlers } from './tag-handlers.js';
import type { RealtimeDeps } from './realtime-deps.js';
import { settingsHandlers } from './settings-handlers.js';
import { statusPageHandlers } from './status-page-handlers.js';
import { preLoginInfo } from './server-info.js';
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
  ...maintenanceOfDataHandlers,
  ...maintenanceHandlers,
  ...tagHandlers,
  ...statusPageHandlers,
];

/** Wires every client event of every socket through its defineHandler wrapper. */
export function registerSocketHandlers(deps: RealtimeDeps): void {
  assertUniqueEvents(HANDLERS);
  deps.io.on('connection', (socket) => {
    // Spec §1.5 step 1, before anything else reaches the socket.
    socket.emit('info', preLoginInfo());
    // Registered synchronously: an event the client sends right after connecting would be
    // lost if a listener were added after an await.
    for (const handler of HANDLERS) {
      socket.on(handler.event, (...args: unknown[]) => {
        void handler.run(socket, deps, args);
      });
    }
    void announceSetup(socket, deps);
  });
}

/** Spec §1.5 step 2: `setup` (no arguments) while no user exists. */
async function announceSetup(socket: ApiSocket, deps: RealtimeDeps): Promise<void> {
  try {
    if (!(await tenantRepository.hasAnyUser(deps.db))) socket.emit('setup');
  } catch (error) {
    deps.logger.error({ err: error }, 'could not tell whether setup is needed');
  }
}

function assertUniqueEvents(handlers: readonly SocketHandler[]): void {
  const seen = new Set<string>();
  for (const { event } of handlers) {
    if (seen.has(event)) throw new Error(`Two socket handlers for "${event}"`);
    seen.add(event);
  }
}
