import { Emitter } from '@socket.io/redis-emitter';
import type { Redis } from 'ioredis';
import { redisBroadcastParser } from './redis-broadcast-parser.js';
import { socketIoRedisKey } from './tenant-room.js';
import { createBroadcastTenantEvents, type TenantEvents } from './tenant-events.js';
import { createRedisTenantWatch } from './redis-tenant-watch.js';
import type { ServerToClientEvents } from '../protocol/server-events.js';

/**
 * For processes that emit without serving sockets (workers); who listens comes from the API
 * nodes' claims in Redis (redis-tenant-watch.ts).
 */
export function createRedisTenantEvents(redis: Redis, prefix: string): TenantEvents {
  return createBroadcastTenantEvents(
    new Emitter<ServerToClientEvents>(redis, {
      key: socketIoRedisKey(prefix),
      parser: redisBroadcastParser,
    }),
    createRedisTenantWatch(redis, prefix),
  );
}
