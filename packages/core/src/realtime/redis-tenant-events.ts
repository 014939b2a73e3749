import { Emitter } from '@socket.io/redis-emitter';
import type { Redis } from 'ioredis';
import { socketIoRedisKey } from './tenant-room.js';
import { createBroadcastTenantEvents, type TenantEvents } from './tenant-events.js';
import type { ServerToClientEvents } from '../protocol/server-events.js';

/** For processes that emit without serving sockets (workers). */
export function createRedisTenantEvents(redis: Redis, prefix: string): TenantEvents {
  return createBroadcastTenantEvents(
    new Emitter<ServerToClientEvents>(redis, { key: socketIoRedisKey(prefix) }),
  );
}
