import type { Kysely } from 'kysely';
import type { Database } from './database.js';
import { ensureHeartbeatPartitions } from './heartbeat-partitions.js';
import { runMigrations } from './migrate.js';

const DAY_MS = 86_400_000;
/** Partitions from yesterday through a week ahead; the scheduler's housekeeping extends them. */
const PARTITION_DAYS_AHEAD = 7;

/**
 * What every process that starts on a database does first: apply pending migrations and
 * make sure this week's heartbeat partitions exist. Both take advisory locks, so several
 * nodes starting at once are safe. Returns the migrations applied now.
 */
export async function prepareDatabase(db: Kysely<Database>): Promise<string[]> {
  const applied = await runMigrations(db);
  await ensureHeartbeatPartitions(db, new Date(Date.now() - DAY_MS), PARTITION_DAYS_AHEAD);
  return applied;
}
