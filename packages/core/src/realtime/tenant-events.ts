import type {
  ServerEvent,
  ServerEventName,
  ServerToClientEvents,
} from '../protocol/server-events.js';
import { redactPush } from './read-session-redaction.js';
import { tenantAudienceRoom, tenantRoom } from './tenant-room.js';

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

/** Anything with Socket.IO's `to(room).emit(...)`: a server, or the Redis emitter. */
export interface RoomBroadcaster {
  to(room: string): { emit: (...args: never[]) => unknown };
}

/** TenantEvents over a Socket.IO server (API nodes) or the Redis emitter (workers). */
export function createBroadcastTenantEvents(broadcaster: RoomBroadcaster): TenantEvents {
  return {
    emit(tenantId, event, ...args) {
      // The map pairs each name with its arguments; the spread tuple loses that pairing.
      broadcastToTenant(broadcaster, tenantId, [event, ...args] as unknown as ServerEvent);
    },
  };
}

/**
 * Sends one push to a tenant's sockets. A push that carries secrets goes as it is to the
 * sessions that may see them and redacted to read-only sessions; any other push goes to the
 * whole tenant room at once.
 */
export function broadcastToTenant(
  broadcaster: RoomBroadcaster,
  tenantId: number,
  push: ServerEvent,
): void {
  const redacted = redactPush(push);
  if (redacted === null) {
    emitTo(broadcaster, tenantRoom(tenantId), push);
    return;
  }
  emitTo(broadcaster, tenantAudienceRoom(tenantId, 'full'), push);
  emitTo(broadcaster, tenantAudienceRoom(tenantId, 'redacted'), redacted);
}

function emitTo(broadcaster: RoomBroadcaster, room: string, push: ServerEvent): void {
  const target = broadcaster.to(room);
  const emit = target.emit.bind(target) as (...push: ServerEvent) => unknown;
  emit(...push);
}
