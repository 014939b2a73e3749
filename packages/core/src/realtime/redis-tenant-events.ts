import { Emitter } from '@socket.io/redis-emitter';
import type { Redis } from 'ioredis';
import { createLeanAwareTenantEvents } from './lean-tenant-events.js';
import { socketIoRedisKey } from './tenant-room.js';
import type { TenantEvents } from './tenant-events.js';
import type { ServerToClientEvents } from '../protocol/server-events.js';

/** For processes that emit without serving sockets (workers). */
export function createRedisTenantEvents(redis: Redis, prefix: string): TenantEvents {
  const emitter = new Emitter<ServerToClientEvents>(redis, { key: socketIoRedisKey(prefix) });
  return createLeanAwareTenantEvents((room, except, event, ...args) => {
    const target = except === null ? emitter.to(room) : emitter.to(room).except(except);
    target.emit(event, ...args);
  });
}
