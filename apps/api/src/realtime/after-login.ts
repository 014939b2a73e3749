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
  replayMonitors,
  sendsBurstAfterAck,
  serviceContext,
  type ServiceContext,
} from '@watchpost/core/services';
import { broadcastToTenant, leanTenantRoom, type RoomBroadcaster } from '@watchpost/core/realtime';
import type { RealtimeDeps } from './realtime-deps.js';
import { endSession, startSession } from './session.js';
import type { ApiServer, ApiSocket, Session } from './socket-types.js';
import { writeEncodedEvents } from './write-encoded-events.js';

/** What a login still sends after its ack; nothing for most logins. */
export type AfterAck = () => Promise<void>;

const NOTHING_AFTER_ACK: AfterAck = async () => {};

/**
 * Joins the tenant's room and sends the burst. Login handlers ack when this resolves, then
 * run what it answers. A tenant of up to one replay page of monitors gets its whole burst
 * before the ack, so a client that sees `ok` holds every list, and a failed read can be
 * reported instead of leaving a half-logged-in socket behind. A larger tenant's login is
 * acked at once and its burst follows (upstream acks first,
 * docs/protocol/authentication.md#loginbytoken allows either order): its lists alone take
 * longer to read than a client waits for an ack.
 */
export async function startSessionWithBurst(
  socket: ApiSocket,
  deps: RealtimeDeps,
  session: Session,
): Promise<AfterAck> {
  await startSession(socket, session);
  try {
    if (socket.data.leanBurst) {
      await sendLeanBurst(socket, deps, session);
      return NOTHING_AFTER_ACK;
    }
    const ctx = serviceContext(deps, session);
    if (!(await sendsBurstAfterAck(ctx))) {
      await sendLoginBurst(socket, deps, ctx);
      return NOTHING_AFTER_ACK;
    }
  } catch (error) {
    endSession(socket);
    throw error;
  }
  return async () => {
    try {
      await sendLoginBurst(socket, deps, serviceContext(deps, session));
    } catch (error) {
      // The login was acked already: a client missing part of the burst reconnects and
      // logs in again, which a dropped connection makes it do.
      deps.logger.error({ err: error }, 'login burst failed after the ack');
      socket.disconnect(true);
    }
  };
}

/**
 * The post-login burst of docs/protocol/authentication.md#post-login-burst, for a socket that
 * has already joined its tenant's room: the lists at once, then the per-monitor replay in
 * slices written as the client takes them, so that other sockets' events are never held up
 * behind one login and the burst is never queued in memory ahead of a slow client.
 */
async function sendLoginBurst(
  socket: ApiSocket,
  deps: RealtimeDeps,
  ctx: ServiceContext,
): Promise<void> {
  const { tenantId } = ctx;
  const [burst, lists] = await Promise.all([loadLoginBurst(ctx), loadFeatureLists(ctx)]);

  // To the room's Kuma sockets, read-only ones getting the lists redacted. Lean sockets hold
  // every list already (docs/protocol/dashboard.md#what-a-lean-socket-receives), so no
  // `monitorMetaDelta` is due either.
  const kumaSockets = kumaSocketsOf(deps.io, tenantId);
  const toRoom = (push: ServerEvent) => broadcastToTenant(kumaSockets, tenantId, push);
  toRoom(['monitorList', burst.monitorList]);
  socket.emit('info', burst.info);
  toRoom(['maintenanceList', lists.maintenances]);
  toRoom(['notificationList', lists.notifications]);
  toRoom(['proxyList', lists.proxies]);
  toRoom(['dockerHostList', lists.dockerHosts]);
  toRoom(['apiKeyList', lists.apiKeys]);
  toRoom(['statusPageList', lists.statusPages]);

  // One slice is written while the next is read and framed; the one before must have left
  // the process first. Waiting is also where other sockets' events get their turn.
  let previous: Promise<void> = Promise.resolve();
  for await (const slice of replayMonitors(ctx, burst.monitorIds)) {
    if (!socket.connected) return;
    const written = writeEncodedEvents(socket, slice);
    await previous;
    previous = written;
  }
  await previous;
  // Step 12: asks the web UI for the browser's zone until one was given (initServerTimezone).
  if (!burst.timezoneInitialised) socket.emit('initServerTimezone');
}

/** The server's rooms without the tenant's lean sockets. */
function kumaSocketsOf(io: ApiServer, tenantId: number): RoomBroadcaster {
  return { to: (room) => io.to(room).except(leanTenantRoom(tenantId)) };
}

/**
 * The lean burst of docs/protocol/dashboard.md#what-a-lean-socket-receives, to this socket
 * only: the other sockets of the room already hold every list. Everything is read before the
 * first emit, so a client that got the summaries knows its login succeeded.
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
