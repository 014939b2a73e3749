import type { ServerEvent } from '@watchpost/core';
import {
  listApiKeys,
  listDockerHosts,
  listMaintenances,
  listNotifications,
  listProxies,
  listStatusPages,
  loadDashboardBurst,
  loadLoginBurst,
  serviceContext,
  type ServiceContext,
} from '@watchpost/core/services';
import {
  createBroadcastTenantEvents,
  leanTenantRoom,
  tenantTarget,
  type RoomBroadcaster,
} from '@watchpost/core/realtime';
import type { RealtimeDeps } from './realtime-deps.js';
import { endSession, startSession } from './session.js';
import type { ApiServer, ApiSocket, Session } from './socket-types.js';

/**
 * Joins the tenant's room and sends the whole burst. Login handlers ack after it; upstream
 * acks first (docs/protocol/authentication.md#loginbytoken allows either order). Acking last means a client that sees `ok` already
 * holds every list, and that a failed burst can be reported instead of leaving a
 * half-logged-in socket behind.
 */
export async function startSessionWithBurst(
  socket: ApiSocket,
  deps: RealtimeDeps,
  session: Session,
): Promise<void> {
  await startSession(socket, session);
  try {
    if (socket.data.leanBurst) await sendLeanBurst(socket, deps, session);
    else await sendLoginBurst(socket, deps, session);
  } catch (error) {
    endSession(socket);
    throw error;
  }
}

/**
 * The post-login burst of docs/protocol/authentication.md#post-login-burst, for a socket that has already joined its tenant's room.
 * Everything is read up front, then emitted without awaiting in between, so the burst costs
 * a handful of round trips however many monitors the tenant has.
 */
async function sendLoginBurst(
  socket: ApiSocket,
  deps: RealtimeDeps,
  session: Session,
): Promise<void> {
  const { tenantId } = session;
  const ctx = serviceContext(deps, session);
  const [burst, lists] = await Promise.all([loadLoginBurst(ctx), loadFeatureLists(ctx)]);

  // To the room's Kuma sockets, read-only ones getting the lists redacted. Lean sockets hold
  // every list already (docs/protocol/dashboard.md#what-a-lean-socket-receives).
  const room = tenantTarget(
    createBroadcastTenantEvents(kumaSocketsOf(deps.io, tenantId)),
    tenantId,
  );
  room.emit('monitorList', burst.monitorList);
  socket.emit('info', burst.info);
  room.emit('maintenanceList', lists.maintenances);
  room.emit('notificationList', lists.notifications);
  room.emit('proxyList', lists.proxies);
  room.emit('dockerHostList', lists.dockerHosts);
  room.emit('apiKeyList', lists.apiKeys);
  room.emit('statusPageList', lists.statusPages);

  // Each kind for every monitor before the next kind, as upstream loops.
  for (const monitor of burst.monitors) {
    socket.emit('heartbeatList', monitor.id, monitor.beats, false);
  }
  for (const monitor of burst.monitors) {
    socket.emit('importantHeartbeatList', monitor.id, monitor.importantBeats, false);
  }
  for (const monitor of burst.monitors) emitAll(room, monitor.statEvents);
  // Step 12: asks the web UI for the browser's zone until one was given (initServerTimezone).
  if (!burst.timezoneInitialised) socket.emit('initServerTimezone');
}

/** The server's rooms without the tenant's lean sockets. */
function kumaSocketsOf(io: ApiServer, tenantId: number): RoomBroadcaster {
  return { to: (room) => io.to(room).except(leanTenantRoom(tenantId)) };
}

/**
 * The lean burst of docs/protocol/dashboard.md#what-a-lean-socket-receives, to this socket
 * only: the other sockets of the room already hold every list.
 */
async function sendLeanBurst(
  socket: ApiSocket,
  deps: RealtimeDeps,
  session: Session,
): Promise<void> {
  const ctx = serviceContext(deps, session);
  const [burst, lists] = await Promise.all([loadDashboardBurst(ctx), loadFeatureLists(ctx)]);
  socket.emit('info', burst.info);
  socket.emit('monitorSummaryList', burst.summaries);
  socket.emit('maintenanceList', lists.maintenances);
  socket.emit('notificationList', lists.notifications);
  socket.emit('proxyList', lists.proxies);
  socket.emit('dockerHostList', lists.dockerHosts);
  socket.emit('apiKeyList', lists.apiKeys);
  socket.emit('statusPageList', lists.statusPages);
  if (!burst.timezoneInitialised) socket.emit('initServerTimezone');
}

function loadFeatureLists(ctx: ServiceContext) {
  return awaitAll({
    maintenances: listMaintenances(ctx),
    notifications: listNotifications(ctx),
    proxies: listProxies(ctx),
    dockerHosts: listDockerHosts(ctx),
    apiKeys: listApiKeys(ctx),
    statusPages: listStatusPages(ctx),
  });
}

/** Promise.all over an object: every value awaited, under its own key. */
async function awaitAll<T extends Record<string, Promise<unknown>>>(
  promises: T,
): Promise<{ [K in keyof T]: Awaited<T[K]> }> {
  const entries = await Promise.all(
    Object.entries(promises).map(async ([key, promise]) => [key, await promise] as const),
  );
  return Object.fromEntries(entries) as { [K in keyof T]: Awaited<T[K]> };
}

/** Emits pre-built `[event, ...args]` lists, whose names the typed event map cannot check. */
export function emitAll(
  target: { emit: (...args: never[]) => unknown },
  events: readonly ServerEvent[],
): void {
  const emit = target.emit.bind(target) as (event: string, ...args: unknown[]) => unknown;
  for (const [event, ...args] of events) emit(event, ...args);
}
