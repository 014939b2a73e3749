import { createMicroBatcher } from '@watchpost/core';
import {
  heartbeatRepository,
  publishBeats,
  type BeatToRecord,
  type Database,
} from '@watchpost/core/db';
import type { TenantEvents } from '@watchpost/core/realtime';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { holdWhileDatabaseAway } from './hold-while-database-away.js';

export interface BeatWriterOptions {
  db: Kysely<Database>;
  events: TenantEvents;
  logger: Logger;
  maxBatch: number;
  maxWaitMs: number;
  /**
   * How long a batch is held in memory while the database is unreachable before its beats
   * are dropped. Each held beat keeps its check job running, so a worker holds at most
   * WORKER_CONCURRENCY beats, and no other check of those monitors starts meanwhile.
   */
  holdMs: number;
  /** Pause between two attempts at a held batch. */
  holdRetryMs?: number;
  onBatch?: (size: number) => void;
}

export interface BeatWriter {
  /** Resolves once the beat is persisted (and then published); true if it was stored. */
  write(beat: BeatToRecord): Promise<boolean>;
  /** Publishes beats that were persisted elsewhere (a check that writes in its own transaction). */
  publish(beats: readonly BeatToRecord[]): Promise<void>;
  flush(): Promise<void>;
}

/**
 * Persists beats in batches (one statement per batch) and only then tells the tenant's
 * sockets (architecture rule 2), through the same publisher as the push endpoint. A
 * database outage holds the batch (see `holdMs`) instead of losing it.
 */
export function createBeatWriter(options: BeatWriterOptions): BeatWriter {
  const { db, events, logger } = options;
  const publisher = { db, events, logger };
  const batcher = createMicroBatcher<BeatToRecord, boolean>({
    maxSize: options.maxBatch,
    maxWaitMs: options.maxWaitMs,
    onBatch: options.onBatch,
    async run(beats) {
      const recorded = await holdWhileDatabaseAway(
        () => heartbeatRepository.recordBeats(db, beats),
        {
          holdMs: options.holdMs,
          retryMs: options.holdRetryMs ?? 1_000,
          onHold: () =>
            logger.warn(
              { beats: beats.length },
              'database unreachable: holding beats until it returns',
            ),
          // Persist, then publish (architecture rule 2): no client heard of these beats.
          onDrop: (err) =>
            logger.error(
              { err, beats: beats.length, monitorIds: beats.map((b) => b.monitorId) },
              `database unreachable for ${options.holdMs / 1000} s: dropped beats no client was told of`,
            ),
        },
      );
      const stored = new Set(recorded.map((r) => r.monitorId));
      await publishBeats(
        publisher,
        beats.filter((b) => stored.has(b.monitorId)),
      );
      return beats.map((b) => stored.has(b.monitorId));
    },
  });

  return {
    write: (beat) => batcher.submit(beat),
    publish: (beats) => publishBeats(publisher, beats),
    flush: () => batcher.flush(),
  };
}
