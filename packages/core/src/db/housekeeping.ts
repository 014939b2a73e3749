import type { Kysely } from 'kysely';
import type { Database } from './database.js';
import {
  dropHeartbeatPartitionsBefore,
  ensureHeartbeatPartitions,
} from './heartbeat-partitions.js';

const DAY_MS = 86_400_000;

export interface HousekeepingResult {
  droppedPartitions: string[];
}

/**
 * Daily upkeep: partitions for the coming week, retention by dropping whole day
 * partitions, and pruning aggregate buckets no window reads any more (minutes serve the
 * ragged edge of 24 h windows, hours that of 30-day windows; days are kept for a year).
 */
export async function runHousekeeping(
  db: Kysely<Database>,
  options: { retentionDays: number; now?: Date },
): Promise<HousekeepingResult> {
  const now = options.now ?? new Date();
  await ensureHeartbeatPartitions(db, now, 7);
  const droppedPartitions = await dropHeartbeatPartitionsBefore(
    db,
    new Date(now.getTime() - options.retentionDays * DAY_MS),
  );
  await db
    .deleteFrom('stat_minutely')
    .where('bucket', '<', new Date(now.getTime() - 2 * DAY_MS))
    .execute();
  await db
    .deleteFrom('stat_hourly')
    .where('bucket', '<', new Date(now.getTime() - 32 * DAY_MS))
    .execute();
  await db
    .deleteFrom('stat_daily')
    .where('bucket', '<', new Date(now.getTime() - 400 * DAY_MS))
    .execute();
  return { droppedPartitions };
}
