import type { Redis } from 'ioredis';
import { tenantOfRoom, type LocalRooms, type TenantWatch } from './tenant-watch.js';

// Distributed mode: every API node keeps its watched tenants in one Redis sorted set, each
// scored with the time its claim runs out; it renews them every few seconds and at once when a
// tenant's room appears on it. A node that dies stops renewing and its claims run out. Workers
// read the live members at most once a second.

/** How often an API node renews its claims; a claim lasts three renewals. */
export const WATCH_RENEW_MS = 5_000;
const WATCH_CLAIM_MS = 3 * WATCH_RENEW_MS;
/** How long a worker trusts the set it read. */
export const WATCH_CACHE_MS = 1_000;

export function watchedTenantsKey(prefix: string): string {
  return `${prefix}:watched-tenants`;
}

/** What a publisher asks: the set's live members, read again when older than `cacheMs`. */
export function createRedisTenantWatch(
  redis: Redis,
  prefix: string,
  cacheMs = WATCH_CACHE_MS,
): TenantWatch {
  const key = watchedTenantsKey(prefix);
  let watched: Promise<ReadonlySet<number>> | undefined;
  let readAt = 0;
  return {
    async isWatched(tenantId) {
      // `>=`: with a cache of 0 every question reads the set, even within one millisecond.
      if (!watched || Date.now() - readAt >= cacheMs) {
        readAt = Date.now();
        watched = redis
          .zrangebyscore(key, readAt, '+inf')
          .then((members) => new Set(members.map(Number)));
        // A failed read is asked again next time instead of being remembered.
        watched.catch(() => {
          readAt = 0;
        });
      }
      return (await watched).has(tenantId);
    },
  };
}

/** Socket.IO's adapter of one API node: its rooms, and the event it fires for a new room. */
export interface WatchedRooms extends LocalRooms {
  on(event: 'create-room', listener: (room: string) => void): unknown;
  off(event: 'create-room', listener: (room: string) => void): unknown;
}

/** An API node's part: claims the tenants whose rooms it holds until `stop()`. */
export function announceWatchedTenants(
  redis: Redis,
  prefix: string,
  adapter: WatchedRooms,
  onError: (error: unknown) => void,
  renewMs = WATCH_RENEW_MS,
): { stop(): void } {
  const key = watchedTenantsKey(prefix);
  const claim = (tenantIds: number[]) => {
    const until = Date.now() + WATCH_CLAIM_MS;
    const pipeline = redis.pipeline().zremrangebyscore(key, '-inf', Date.now());
    if (tenantIds.length > 0) pipeline.zadd(key, ...tenantIds.flatMap((id) => [until, id]));
    pipeline.exec().catch(onError);
  };
  const renew = () => {
    const tenantIds: number[] = [];
    for (const [room, sockets] of adapter.rooms) {
      const tenantId = tenantOfRoom(room);
      if (tenantId !== null && sockets.size > 0) tenantIds.push(tenantId);
    }
    claim(tenantIds);
  };
  const onRoom = (room: string) => {
    const tenantId = tenantOfRoom(room);
    if (tenantId !== null) claim([tenantId]);
  };
  adapter.on('create-room', onRoom);
  const timer = setInterval(renew, renewMs);
  timer.unref();
  renew();
  return {
    stop() {
      clearInterval(timer);
      adapter.off('create-room', onRoom);
    },
  };
}
