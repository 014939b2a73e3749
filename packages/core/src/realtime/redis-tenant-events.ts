import { Emitter } from '@socket.io/redis-emitter';
import type { Redis } from 'ioredis';
import { socketIoRedisKey, tenantRoom } from './tenant-room.js';
import type { TenantEvents } from './tenant-events.js';
import type { ServerToClientEvents } from '../protocol/server-events.js';

/** For processes that emit without serving sockets (workers). */
export function createRedisTenantEvents(redis: Redis, prefix: string): TenantEvents {
  const emitter = new Emitter<ServerToClientEvents>(redis, { key: socketIoRedisKey(prefix) });
  return {
    emit(tenantId, event, ...args) {
      emitter.to(tenantRoom(tenantId)).emit(event, ...args);
    },
  };
}
