import { createAdapter } from '@socket.io/redis-adapter';
import type { Redis } from 'ioredis';
import { redisBroadcastParser } from '../realtime/redis-broadcast-parser.js';
import { socketIoRedisKey } from '../realtime/tenant-room.js';

/** What Socket.IO's `adapter` option takes in distributed mode. */
export type RedisSocketAdapter = ReturnType<typeof createAdapter>;

/**
 * The Socket.IO adapter of distributed mode: rooms span every API node and the workers'
 * emitters (docs/protocol/transport.md#pushes-and-rooms). `sub` enters subscriber mode; both connections stay the caller's.
 */
export function createRedisSocketAdapter(
  pub: Redis,
  sub: Redis,
  prefix: string,
): RedisSocketAdapter {
  return createAdapter(pub, sub, { key: socketIoRedisKey(prefix), parser: redisBroadcastParser });
}
