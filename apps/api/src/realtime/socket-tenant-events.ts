import type { Server } from 'socket.io';
import { tenantRoom, type TenantEvents } from '@watchpost/core/realtime';

/**
 * Emits to a tenant's room through this node's Socket.IO server; its adapter carries the
 * event to the sockets on other nodes.
 */
export function createSocketTenantEvents<S extends Server>(io: S): TenantEvents {
  // TenantEvents is untyped because workers emit the same events through the Redis emitter;
  // the payloads come from the same core wire mappers either way.
  const untyped = io as unknown as Server;
  return {
    emit(tenantId, event, ...args) {
      untyped.to(tenantRoom(tenantId)).emit(event, ...args);
    },
  };
}
