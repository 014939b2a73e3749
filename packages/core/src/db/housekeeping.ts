import type { Kysely } from 'kysely';
import type { Database } from './database.js';
import {
  dropHeartbeatPartitionsBefore,
  ensureHeartbeatPartitions,
} from './heartbeat-partitions.js';
import { applyTenantRetentions } from './tenant-retention.js';

const DAY_MS = 86_400_000;

export interface HousekeepingResult {
  droppedPartitions: string[];
  /** Beats deleted by tenants' own shorter `keepDataPeriodDays`, per tenant id. */
  trimmedBeats: Map<number, number>;
}

/**
 * Regular upkeep: partitions for the coming week; retention; pruning aggregate buckets no
 * window reads any more (minutes serve the ragged edge of 24 h windows, hours that of
 * 30-day windows; days are kept for a year).
 *
 * Retention has two levels. `retentionDays` is the operator's hard cap for the whole
 * service: whole day partitions older than it are dropped, whatever a tenant asked for, so
 * a tenant can never keep beats longer than the operator allows (not even with "keep
 * forever"). A tenant whose `keepDataPeriodDays` is shorter has its older beats deleted row
 * by row in small batches (docs/protocol/monitoring.md#data-retention).
 */
export async function runHousekeeping(
  db: Kysely<Database>,
  options: { retentionDays: number; now?: Date; deleteBatchSize?: number },
): Promise<HousekeepingResult> {
  const now = options.now ?? new Date();
  await ensureHeartbeatPartitions(db, now, 7);
  const droppedPartitions = await dropHeartbeatPartitionsBefore(
    db,
    new Date(now.getTime() - options.retentionDays * DAY_MS),
  );
  const trimmedBeats = await applyTenantRetentions(db, {
    capDays: options.retentionDays,
    now,
    batchSize: options.deleteBatchSize,
  });
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
  return { droppedPartitions, trimmedBeats };
}
