import type {
  MonitorListPayload,
  ServerEvent,
  ServerEventName,
  ServerToClientEvents,
} from '../protocol/server-events.js';
import { redactPush } from './read-session-redaction.js';
import { createMonitorMetaDiffer } from './monitor-meta-differ.js';
import { leanTenantRoom, tenantAudienceRoom, tenantRoom } from './tenant-room.js';
import { EVERY_TENANT_WATCHED, type TenantWatch } from './tenant-watch.js';

/**
 * Emits to a tenant's room from any process. API nodes implement it with their Socket.IO
 * server (the Redis adapter fans out), workers with @socket.io/redis-emitter; both are typed
 * by the one event map, so a push with the wrong arguments does not compile anywhere.
 */
export interface TenantEvents {
  emit<E extends ServerEventName>(
    tenantId: number,
    event: E,
    ...args: Parameters<ServerToClientEvents[E]>
  ): void;
  /**
   * Whether anybody listens to the tenant (see TenantWatch); an emitter without it (a test's
   * recorder) counts as listened to by everybody.
   */
  isWatched?: TenantWatch['isWatched'];
}

/** Emits pushes built as values (see ServerEvent), whose names the compiler cannot pair. */
export function emitToTenant(
  events: TenantEvents,
  tenantId: number,
  list: readonly ServerEvent[],
): void {
  const emit = events.emit.bind(events) as (tenantId: number, ...event: ServerEvent) => void;
  for (const event of list) emit(tenantId, ...event);
}

/** One tenant's room as an emit target, for code that sends it several pushes in a row. */
export function tenantTarget(
  events: TenantEvents,
  tenantId: number,
): {
  emit: <E extends ServerEventName>(event: E, ...args: Parameters<ServerToClientEvents[E]>) => void;
} {
  return { emit: (event, ...args) => events.emit(tenantId, event, ...args) };
}

/** Anything with Socket.IO's `to(room).except(room).emit(...)`: a server, or the Redis emitter. */
export interface RoomBroadcaster {
  to(room: string): RoomTarget;
}

interface RoomTarget {
  emit: (...args: never[]) => unknown;
  except(room: string): { emit: (...args: never[]) => unknown };
}

/**
 * TenantEvents over a Socket.IO server (API nodes) or the Redis emitter (workers); `watch` says
 * who listens (unset: everybody, for emitters that cannot tell).
 */
export function createBroadcastTenantEvents(
  broadcaster: RoomBroadcaster,
  watch: TenantWatch = EVERY_TENANT_WATCHED,
): TenantEvents {
  const differ = createMonitorMetaDiffer();
  return {
    isWatched: (tenantId) => watch.isWatched(tenantId),
    emit(tenantId, event, ...args) {
      // The map pairs each name with its arguments; the spread tuple loses that pairing.
      const push = [event, ...args] as unknown as ServerEvent;
      broadcastToTenant(broadcaster, tenantId, push);
      if (push[0] !== 'monitorList') return;
      // Lean sockets take the list's delta instead (docs/protocol/dashboard.md#what-a-lean-socket-receives),
      // computed from the redacted list: the meta a delta carries holds no secrets either way.
      const list = (redactPush(push) ?? push)[1] as MonitorListPayload;
      emitTo(broadcaster.to(leanTenantRoom(tenantId)), [
        'monitorMetaDelta',
        differ.delta(tenantId, list),
      ] as unknown as ServerEvent);
    },
  };
}

/**
 * Sends one push to a tenant's sockets. A push that carries secrets goes as it is to the
 * sessions that may see them and redacted to read-only sessions; any other push goes to the
 * whole tenant room at once. A full `monitorList` skips the dashboard's lean sockets, and,
 * unlike TenantEvents, no delta is sent for it.
 */
export function broadcastToTenant(
  broadcaster: RoomBroadcaster,
  tenantId: number,
  push: ServerEvent,
): void {
  const skipLean = push[0] === 'monitorList';
  const target = (room: string) =>
    skipLean ? broadcaster.to(room).except(leanTenantRoom(tenantId)) : broadcaster.to(room);
  const redacted = redactPush(push);
  if (redacted === null) {
    emitTo(target(tenantRoom(tenantId)), push);
    return;
  }
  emitTo(target(tenantAudienceRoom(tenantId, 'full')), push);
  emitTo(target(tenantAudienceRoom(tenantId, 'redacted')), redacted);
}

function emitTo(target: { emit: (...args: never[]) => unknown }, push: ServerEvent): void {
  const emit = target.emit.bind(target) as (...push: ServerEvent) => unknown;
  emit(...push);
}
