/** The processes a kit is built for: the three roles, or all of them in one process. */
export type KitRole = 'api' | 'worker' | 'scheduler' | 'all-in-one';

export interface RoleDatabaseSettings {
  /** Connections in the role's `pg` pool (PGlite has one connection whatever the role). */
  poolSize: number;
  /**
   * Whether opening the database also creates a missing one and applies pending migrations
   * (openDatabase). Advisory locks make that safe when several nodes start at once.
   */
  preparesSchema: boolean;
}

/**
 * Pool sizes in one table. Queries are short everywhere (beats are written in multi-row
 * batches, aggregates are read instead of history), so a pool much smaller than the number
 * of things a role does at once keeps up, and N api + M worker processes stay well inside
 * Postgres's `max_connections`.
 */
export const ROLE_DATABASE_SETTINGS: Record<KitRole, RoleDatabaseSettings> = {
  // Requests and socket events of many clients at once: pg's own default.
  api: { poolSize: 10, preparesSchema: true },
  // Up to WORKER_CONCURRENCY checks each load their monitor and hand their beat to one
  // batching writer; deliveries add a few queries each.
  worker: { poolSize: 10, preparesSchema: false },
  // Its loops (tick, reconcile, housekeeping) never overlap themselves: at most three
  // queries at once.
  scheduler: { poolSize: 3, preparesSchema: false },
  // All three roles share one pool: roughly the api's and the worker's together.
  'all-in-one': { poolSize: 20, preparesSchema: true },
};
