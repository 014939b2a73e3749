import { execFile } from 'node:child_process';
import { AppError } from '@watchpost/core';
import {
  clearMonitorEvents,
  clearMonitorHeartbeats,
  clearTenantStatistics,
  getDatabaseSize,
  monitorRepository,
  vacuumDatabase,
} from '@watchpost/core/db';
import { tenantRoom } from '@watchpost/core/realtime';
import {
  defineHandler,
  definePublicHandler,
  failure,
  NOT_LOGGED_IN_MSG,
  READ_ONLY_SESSION_MSG,
  type SocketHandler,
} from './define-handler.js';
import { gameList } from './game-list.js';
import { monitorIdSchema } from './monitor-id-schema.js';
import { refreshOtherSessions } from './refresh-other-sessions.js';
import type { RealtimeDeps } from './realtime-deps.js';
import type { ApiSocket } from './socket-types.js';

// Another tenant's monitor answers like a missing one (DESIGN rule 1); upstream checks no
// ownership for these at all.
const MONITOR_NOT_FOUND_MSG = 'Monitor not found.';
/** `apprise --version` answers at once when installed; a hung binary must not hold the ack. */
const APPRISE_PROBE_TIMEOUT_MS = 5_000;

export const maintenanceOfDataHandlers: readonly SocketHandler[] = [
  // Spec §3.1 `clearEvents`: push the emptied important list to the room, then ack.
  defineHandler('clearEvents', [monitorIdSchema], async ({ deps, session }, [monitorId]) => {
    await assertOwnMonitor(deps, session.tenantId, monitorId);
    await clearMonitorEvents(deps.db, session.tenantId, monitorId);
    deps.io.to(tenantRoom(session.tenantId)).emit('importantHeartbeatList', monitorId, [], true);
    return { ok: true };
  }),

  // Spec §3.1 `clearHeartbeats`: push the emptied beat list to the room, then ack.
  defineHandler('clearHeartbeats', [monitorIdSchema], async ({ deps, session }, [monitorId]) => {
    await assertOwnMonitor(deps, session.tenantId, monitorId);
    await clearMonitorHeartbeats(deps.db, session.tenantId, monitorId);
    deps.io.to(tenantRoom(session.tenantId)).emit('heartbeatList', monitorId, [], true);
    return { ok: true };
  }),

  // Spec §3.1 `clearStatistics`: every beat of the tenant's monitors; no push.
  defineHandler('clearStatistics', [], async ({ deps, session }) => {
    await clearTenantStatistics(deps.db, session.tenantId);
    return { ok: true };
  }),

  // Spec §3.9; see getDatabaseSize for why this is the whole database's size.
  defineHandler('getDatabaseSize', [], async ({ deps }) => ({
    ok: true,
    size: await getDatabaseSize(deps.db),
  })),

  defineHandler('shrinkDatabase', [], async ({ deps }) => {
    await vacuumDatabase(deps.db);
    return { ok: true };
  }),

  // Spec §3.9: a fixed catalogue (see game-list.ts).
  defineHandler('getGameList', [], async () => ({ ok: true, gameList: gameList() })),

  // Spec §3.3: a bare boolean, false before login, so no stranger can make us spawn processes.
  definePublicHandler('checkApprise', [], async ({ session }) =>
    session ? isAppriseInstalled() : false,
  ),

  disconnectOtherSocketClientsHandler(),
];

async function assertOwnMonitor(
  deps: RealtimeDeps,
  tenantId: number,
  monitorId: number,
): Promise<void> {
  const monitor = await monitorRepository.findMonitor(deps.db, tenantId, monitorId);
  if (!monitor) throw new AppError('not-found', MONITOR_NOT_FOUND_MSG);
}

function isAppriseInstalled(): Promise<boolean> {
  return new Promise((resolve) => {
    execFile('apprise', ['--version'], { timeout: APPRISE_PROBE_TIMEOUT_MS }, (error) => {
      resolve(error === null);
    });
  });
}

/**
 * Spec §3.9: never acks, and the web UI sends it without an ack function, which defineHandler
 * would ignore. So it is its own handler: every other socket of the same user, on any API
 * node, gets `refresh` and is disconnected. A caller that does pass an ack and is refused
 * hears why, like from every other event.
 */
function disconnectOtherSocketClientsHandler(): SocketHandler {
  return {
    event: 'disconnectOtherSocketClients',
    access: 'write',
    async run(socket: ApiSocket, deps: RealtimeDeps, rawArgs: unknown[]) {
      const last = rawArgs.at(-1);
      const ack = typeof last === 'function' ? (last as (payload: unknown) => void) : undefined;
      const session = socket.data.session;
      if (!session) return ack?.(failure(NOT_LOGGED_IN_MSG));
      if (session.scope !== 'write') return ack?.(failure(READ_ONLY_SESSION_MSG));
      try {
        await refreshOtherSessions(deps.io, session, socket.id, { keepApiKeySessions: false });
      } catch (error) {
        deps.logger.error({ err: error }, 'could not disconnect the other sockets');
      }
    },
  };
}
