import {
  beatFieldsFromRow,
  MAINTENANCE,
  toHeartbeatRowJson,
  toImportantHeartbeatJson,
  UP,
  type ServerEvent,
  type TlsInfo,
} from '@watchpost/core';
import {
  findDirectlyMaintainedMonitors,
  getWindowStats,
  listLatestBeats,
  monitorRepository,
  notificationRepository,
  tagRepository,
  tenantSettingsRepository,
  type UserRow,
} from '@watchpost/core/db';
import { monitorStatEvents, tenantRoom } from '@watchpost/core/realtime';
import {
  listDockerHosts,
  listNotifications,
  listProxies,
  serviceContext,
} from '@watchpost/core/services';
import { buildMonitorList } from './monitor-list.js';
import { loadApiKeyList } from './api-key-handlers.js';
import { loadMaintenanceList } from './maintenance-handlers.js';
import { loadStatusPageList } from './status-page-handlers.js';
import type { RealtimeDeps } from './realtime-deps.js';
import { loadTenantInfo } from './tenant-info.js';
import { endSession, startSession } from './session.js';
import type { ApiSocket, Session } from './socket-types.js';

/** Spec §5.11: the internal setting that marks a tenant's zone as chosen. */
export const INIT_SERVER_TIMEZONE_SETTING = 'initServerTimezone';

// Spec §2.5: what the burst replays per monitor.
const RECENT_BEATS = 100;
const IMPORTANT_BEATS = 500;

/** A password, JWT or auto-login: the user's tenant, allowed to change everything. */
export function userSession(user: UserRow): Session {
  return {
    userId: user.id,
    tenantId: user.tenant_id,
    username: user.username,
    scope: 'write',
    apiKeyId: null,
  };
}

/**
 * Joins the tenant's room and sends the whole burst. Login handlers ack after it; upstream
 * acks first (§2.4 allows either order). Acking last means a client that sees `ok` already
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
    await sendLoginBurst(socket, deps, session);
  } catch (error) {
    endSession(socket);
    throw error;
  }
}

/**
 * The post-login burst of spec §2.5, for a socket that has already joined its tenant's room.
 * Everything is read up front with one query per kind for all monitors (not one per
 * monitor), then emitted without awaiting in between, so the burst costs a handful of round
 * trips however many monitors the tenant has.
 */
async function sendLoginBurst(
  socket: ApiSocket,
  deps: RealtimeDeps,
  session: Session,
): Promise<void> {
  const { db } = deps;
  const { tenantId } = session;
  const monitors = await monitorRepository.listMonitors(db, tenantId);
  const ids = monitors.map((m) => m.id);
  const [states, links, tags, maintained, recent, important, day, month, lists] = await Promise.all(
    [
      monitorRepository.listMonitorStates(db, tenantId),
      notificationRepository.notificationIdsOf(db, tenantId, ids),
      tagRepository.monitorTagsOf(db, tenantId),
      findDirectlyMaintainedMonitors(db, tenantId, Date.now()),
      listLatestBeats(db, tenantId, ids, RECENT_BEATS),
      listLatestBeats(db, tenantId, ids, IMPORTANT_BEATS, true),
      getWindowStats(db, tenantId, ids, 24),
      getWindowStats(db, tenantId, ids, 720),
      loadFeatureLists(deps, session),
    ],
  );

  const room = deps.io.to(tenantRoom(tenantId));
  room.emit('monitorList', buildMonitorList(monitors, links, tags, maintained));
  socket.emit('info', lists.info);
  room.emit('maintenanceList', lists.maintenances);
  room.emit('notificationList', lists.notifications);
  room.emit('proxyList', lists.proxies);
  room.emit('dockerHostList', lists.dockerHosts);
  room.emit('apiKeyList', lists.apiKeys);
  room.emit('statusPageList', lists.statusPages);

  // Ascending id order, ids as strings (they come from object keys upstream, §2.5); each kind
  // for every monitor before the next kind, as upstream loops.
  for (const id of ids) {
    const rows = recent.get(id) ?? [];
    socket.emit(
      'heartbeatList',
      String(id),
      rows.map((row) => toHeartbeatRowJson(beatFieldsFromRow(row))),
      false,
    );
  }
  for (const id of ids) {
    // listLatestBeats answers oldest first; this list is newest first (§2.5 step 10).
    const rows = [...(important.get(id) ?? [])].reverse();
    socket.emit(
      'importantHeartbeatList',
      String(id),
      rows.map((row) => toImportantHeartbeatJson(beatFieldsFromRow(row))),
      false,
    );
  }
  for (const id of ids) {
    const state = states.get(id);
    const currentlyUp = state?.status === UP || state?.status === MAINTENANCE;
    const tls = (state?.tls_info ?? null) as TlsInfo | null;
    emitAll(
      room,
      monitorStatEvents(String(id), { day: day.get(id), month: month.get(id) }, currentlyUp, tls),
    );
  }
  // Step 12: asks the web UI for the browser's zone until one was given (initServerTimezone).
  if (!lists.timezoneInitialised) socket.emit('initServerTimezone');
}

function loadFeatureLists(deps: RealtimeDeps, session: Session) {
  const { db } = deps;
  const { tenantId } = session;
  const service = serviceContext(deps, session);
  return awaitAll({
    info: loadTenantInfo(db, tenantId),
    maintenances: loadMaintenanceList(db, tenantId),
    notifications: listNotifications(service),
    proxies: listProxies(service),
    dockerHosts: listDockerHosts(service),
    apiKeys: loadApiKeyList(db, tenantId),
    statusPages: loadStatusPageList(db, tenantId),
    timezoneInitialised: tenantSettingsRepository
      .getSetting(db, tenantId, INIT_SERVER_TIMEZONE_SETTING)
      .then(Boolean),
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
