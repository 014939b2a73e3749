import type {
  ServerEvent,
  ServerEventName,
  ServerToClientEvents,
} from '../protocol/server-events.js';

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
