import { MONITOR_NOT_FOUND_MSG, monitorIdSchema } from '@watchpost/core';
import { z } from 'zod';
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
  defineUnackedHandler,
  type SocketHandler,
} from './define-handler.js';
import { gameList } from './game-list.js';
import { isAppriseInstalled, probeChrome } from './host-programs.js';
import { refreshOtherSessions } from './refresh-other-sessions.js';
import type { RealtimeDeps } from './realtime-deps.js';

// Another tenant's monitor answers like a missing one (DESIGN rule 1); upstream checks no
// ownership for these at all.

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

  // Spec §3.9: GameDig's catalogue (see game-list.ts).
  defineHandler('getGameList', [], async () => ({ ok: true, gameList: gameList() })),

  // Spec §3.3: a bare boolean, false before login, so no stranger can make us spawn processes.
  definePublicHandler('checkApprise', [], async ({ session }) =>
    session ? isAppriseInstalled() : false,
  ),

  defineHandler(
    'testChrome',
    [z.string({ message: 'The executable must be text.' }).max(4096)],
    async (_ctx, [executable]) => probeChrome(executable),
  ),

  // Spec §3.9: every other socket of the same user, on any API node, gets `refresh` and is
  // disconnected. Never acks.
  defineUnackedHandler('disconnectOtherSocketClients', [], async ({ socket, deps, session }) => {
    await refreshOtherSessions(deps.io, session, socket.id, { keepApiKeySessions: false });
  }),
];

async function assertOwnMonitor(
  deps: RealtimeDeps,
  tenantId: number,
  monitorId: number,
): Promise<void> {
  const monitor = await monitorRepository.findMonitor(deps.db, tenantId, monitorId);
  if (!monitor) throw new AppError('not-found', MONITOR_NOT_FOUND_MSG);
}
