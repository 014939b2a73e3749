import { createMicroBatcher, toHeartbeatJson, MAINTENANCE, UP } from '@watchpost/core';
import {
  getWindowStatsFor,
  recordBeats,
  type BeatToRecord,
  type Database,
} from '@watchpost/core/db';
import { monitorStatEvents, type TenantEvents } from '@watchpost/core/realtime';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';

export interface BeatWriterOptions {
  db: Kysely<Database>;
  events: TenantEvents;
  logger: Logger;
  maxBatch: number;
  maxWaitMs: number;
  onBatch?: (size: number) => void;
}

export interface BeatWriter {
  /** Resolves once the beat is persisted (and then published); true if it was stored. */
  write(beat: BeatToRecord): Promise<boolean>;
  flush(): Promise<void>;
}

/**
 * Persists beats in batches (one statement per batch) and only then tells the tenant's
 * sockets (DESIGN rule 2): `heartbeat`, then `avgPing`, `uptime` ×2 and `certInfo`.
 */
export function createBeatWriter(options: BeatWriterOptions): BeatWriter {
  const { db, events, logger } = options;
  const batcher = createMicroBatcher<BeatToRecord, boolean>({
    maxSize: options.maxBatch,
    maxWaitMs: options.maxWaitMs,
    onBatch: options.onBatch,
    async run(beats) {
      const recorded = await recordBeats(db, beats);
      const stored = new Set(recorded.map((r) => r.monitorId));
      const kept = beats.filter((b) => stored.has(b.monitorId));
      await publish(kept);
      return beats.map((b) => stored.has(b.monitorId));
    },
  });

  async function publish(beats: BeatToRecord[]) {
    for (const b of beats) events.emit(b.tenantId, 'heartbeat', toHeartbeatJson(b));
    // Statistics are a courtesy after the fact: the beats are safe in the database, so a
    // failure here is logged and must not fail the checks (which would run them twice).
    try {
      const [day, month] = await Promise.all([
        getWindowStatsFor(db, beats, 24),
        getWindowStatsFor(db, beats, 720),
      ]);
      for (const b of beats) {
        const stats = { day: day.get(b.monitorId), month: month.get(b.monitorId) };
        const up = b.status === UP || b.status === MAINTENANCE;
        for (const [event, ...args] of monitorStatEvents(b.monitorId, stats, up, b.tls ?? null)) {
          events.emit(b.tenantId, event, ...args);
        }
      }
    } catch (error) {
      logger.warn({ err: error }, 'could not publish monitor statistics');
    }
  }

  return { write: (beat) => batcher.submit(beat), flush: () => batcher.flush() };
}
