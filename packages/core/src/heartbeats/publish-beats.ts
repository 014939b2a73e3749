import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../db/database.js';
import { MAINTENANCE, UP } from '../monitors/monitor-status.js';
import { monitorStatEvents } from '../realtime/monitor-stat-events.js';
import { emitToTenant, type TenantEvents } from '../realtime/tenant-events.js';
import { readWindowCounters } from '../stats/window-counters.js';
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
 * workers' batched writes and the push endpoint; one statistics query per call, none for
 * tenants nobody watches.
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
    // A tenant with no socket listening anywhere gets no statistics (architecture rule 11);
    // a socket that logs in later receives them in its burst.
    const watched = await watchedOnly(events, beats);
    if (watched.length === 0) return;
    const windows = await readWindowCounters(db, watched);
    for (const b of watched) {
      const w = windows.get(b.monitorId);
      const stats = { day: w?.day, month: w?.month };
      const up = b.status === UP || b.status === MAINTENANCE;
      emitToTenant(events, b.tenantId, monitorStatEvents(b.monitorId, stats, up, b.tls ?? null));
    }
  } catch (error) {
    logger.warn({ err: error }, 'could not publish monitor statistics');
  }
}

async function watchedOnly(
  events: TenantEvents,
  beats: readonly BeatToRecord[],
): Promise<BeatToRecord[]> {
  const tenants = [...new Set(beats.map((b) => b.tenantId))];
  const watched = await Promise.all(tenants.map((t) => events.isWatched?.(t) ?? true));
  const listened = new Set(tenants.filter((_, i) => watched[i]));
  return beats.filter((b) => listened.has(b.tenantId));
}
