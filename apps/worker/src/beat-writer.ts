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
  /** Publishes beats that were persisted elsewhere (a check that writes in its own transaction). */
  publish(beats: readonly BeatToRecord[]): Promise<void>;
  flush(): Promise<void>;
}

/**
 * Persists beats in batches (one statement per batch) and only then tells the tenant's
 * sockets (architecture rule 2), through the same publisher as the push endpoint.
 */
export function createBeatWriter(options: BeatWriterOptions): BeatWriter {
  const { db, events, logger } = options;
  const publisher = { db, events, logger };
  const batcher = createMicroBatcher<BeatToRecord, boolean>({
    maxSize: options.maxBatch,
    maxWaitMs: options.maxWaitMs,
    onBatch: options.onBatch,
    async run(beats) {
      const recorded = await heartbeatRepository.recordBeats(db, beats);
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
