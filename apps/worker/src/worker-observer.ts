/**
 * What the worker reports about itself. main.ts wires it to operator metrics; benchmarks
 * collect raw samples; tests ignore it.
 */
export interface WorkerObserver {
  /** A check started `latenessMs` after it was due. */
  checkStarted(latenessMs: number): void;
  /** A check job was handed back: its tenant had its cap of checks in flight (architecture rule 13). */
  checkDeferred(): void;
  /** A check finished with this status after `durationMs`. */
  checkFinished(type: string, status: 'up' | 'down' | 'skipped', durationMs: number): void;
  /** One batch of `size` heartbeats was persisted. */
  beatsWritten(size: number): void;
  /** One attempt to deliver a notification through `provider` ended so. */
  deliveryAttempted(provider: string, outcome: 'sent' | 'failed'): void;
}

export const silentObserver: WorkerObserver = {
  checkStarted() {},
  checkDeferred() {},
  checkFinished() {},
  beatsWritten() {},
  deliveryAttempted() {},
};
