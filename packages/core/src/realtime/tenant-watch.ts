import { tenantRoom } from './tenant-room.js';

/**
 * Whether anybody listens to a tenant's pushes: a logged-in socket of the tenant on any API
 * node. Work whose only reader is such a socket (the statistics after each beat) is skipped for
 * a tenant nobody watches (architecture rule 11). An answer may lag a login by a few seconds;
 * the login burst carries fresh statistics, so the late socket misses nothing it needs.
 */
export interface TenantWatch {
  isWatched(tenantId: number): Promise<boolean>;
}

/** For emitters that cannot tell (tests, one socket's own target): everybody is watched. */
export const EVERY_TENANT_WATCHED: TenantWatch = { isWatched: () => Promise.resolve(true) };

/** Socket.IO's rooms on one node: room name to the ids of its sockets there. */
export interface LocalRooms {
  rooms: ReadonlyMap<string, ReadonlySet<string>>;
}

/** The tenant id of a tenant's main room (`tenant:7`), null for every other room. */
export function tenantOfRoom(room: string): number | null {
  const match = /^tenant:(\d+)$/.exec(room);
  return match ? Number(match[1]) : null;
}

/** An API node's view of who watches, and how it stops telling the others about its sockets. */
export interface WatchingNode {
  watch: TenantWatch;
  stop(): void;
}

/** One node that serves every socket (embedded mode): its own rooms are the whole truth. */
export function createLocalTenantWatch(adapter: LocalRooms): TenantWatch {
  return {
    isWatched: (tenantId) =>
      Promise.resolve((adapter.rooms.get(tenantRoom(tenantId))?.size ?? 0) > 0),
  };
}
