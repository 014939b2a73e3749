import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../db/database.js';
import type {
  CheckConsumer,
  CheckQueue,
  DeliveryConsumer,
  DeliveryQueue,
  DueSet,
} from '../queue/ports.js';
import type { ChangeBus } from '../changes/index.js';
import type { TenantEvents } from '../realtime/tenant-events.js';
import type { WatchedRooms } from '../realtime/redis-tenant-watch.js';
import type { WatchingNode } from '../realtime/tenant-watch.js';
import type { HealthProbe } from '../runtime/readiness.js';
import type { RedisSocketAdapter } from './redis-socket-adapter.js';
import type { KitRole } from './role-database-settings.js';

export interface AdapterKitOptions {
  /** Sizes the database pool and says whether opening it prepares the schema. */
  role: KitRole;
  logger: Logger;
  /** Needed by the roles that run jobs (and by embedded mode, whose queue is its consumer). */
  concurrency?: JobConcurrency;
  /** How long a BullMQ job's lock lasts without renewal (see bullmq-consumer.ts). */
  jobLockMs?: number;
}

/** How many checks and how many notification deliveries run at once. */
export interface JobConcurrency {
  checks: number;
  notifications: number;
}

export type { HealthProbe } from '../runtime/readiness.js';

/**
 * The adapters between the roles, built for the deployment's mode. Each is built on first
 * request and is the same object afterwards, so roles composed in one process share it, and
 * a role opens only the connections under the adapters it asked for.
 */
export interface AdapterKit {
  /** The database, opened (and for the api and all-in-one, migrated) on first request. */
  database(): Promise<Kysely<Database>>;
  dueSet(): DueSet;
  checkQueue(): CheckQueue;
  checkConsumer(): CheckConsumer;
  deliveryQueue(): DeliveryQueue;
  deliveryConsumer(): DeliveryConsumer;
  changeBus(): ChangeBus;
  /** Socket.IO's adapter across API nodes; undefined: its in-memory one (a single node). */
  socketAdapter(): RedisSocketAdapter | undefined;
  /**
   * Who listens to which tenant, for an API node whose Socket.IO adapter is `rooms`: its own
   * rooms in embedded mode; in distributed mode every node's, which this node's joins (see
   * redis-tenant-watch.ts).
   */
  watchTenants(rooms: WatchedRooms): WatchingNode;
  /**
   * Readiness probes, by dependency: the database and its schema (failing until the
   * database has opened), and Redis in distributed mode.
   */
  healthProbes(): Record<string, HealthProbe>;
  /** Closes everything the kit opened. Call it after the roles' own close functions. */
  close(): Promise<void>;
}

/** Distributed mode adds what only a process that serves no sockets needs. */
export interface DistributedAdapterKit extends AdapterKit {
  /** Emits to tenants' rooms through Redis, reaching the sockets of every API node. */
  tenantEvents(): TenantEvents;
}

export function concurrencyOf(options: AdapterKitOptions, jobs: keyof JobConcurrency): number {
  const concurrency = options.concurrency?.[jobs];
  if (concurrency === undefined) {
    throw new Error(`the ${options.role} kit was built without concurrency.${jobs}`);
  }
  return concurrency;
}
