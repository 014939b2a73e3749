import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../db/database.js';
import { MAINTENANCE, UP } from '../monitors/monitor-status.js';
import { monitorStatEvents } from '../realtime/monitor-stat-events.js';
import { emitToTenant, type TenantEvents } from '../realtime/tenant-events.js';
import { getWindowStatsFor } from '../stats/stats-repository.js';
import { toHeartbeatJson } from './heartbeat-wire.js';
import type { BeatToRecord } from './record-beats.js';

export interface BeatPublisherDeps {
  db: Kysely<Database>;
  events: TenantEvents;
  logger: Logger;
}

/**
 * Tells each beat's tenant room about beats that are already persisted (architecture rule 2):
 * `heartbeat`, then `avgPing`, `uptime` ×2 and `certInfo` (docs/protocol/monitoring.md#scheduling-retries-and-resend step 6). Shared by the
 * workers' batched writes and the push endpoint; one statistics query per call.
 */
export async function publishBeats(
  deps: BeatPublisherDeps,
  beats: readonly BeatToRecord[],
): Promise<void> {
  if (beats.length === 0) return;
  const { db, events, logger } = deps;
  for (const b of beats) events.emit(b.tenantId, 'heartbeat', toHeartbeatJson(b));
  // Statistics are a courtesy after the fact: the beats are safe in the database, so a
  // failure here is logged and must not fail the caller (a worker would run the checks twice).
  try {
    const [day, month] = await Promise.all([
      getWindowStatsFor(db, beats, 24),
      getWindowStatsFor(db, beats, 720),
    ]);
    for (const b of beats) {
      const stats = { day: day.get(b.monitorId), month: month.get(b.monitorId) };
      const up = b.status === UP || b.status === MAINTENANCE;
      emitToTenant(events, b.tenantId, monitorStatEvents(b.monitorId, stats, up, b.tls ?? null));
    }
  } catch (error) {
    logger.warn({ err: error }, 'could not publish monitor statistics');
  }
}
