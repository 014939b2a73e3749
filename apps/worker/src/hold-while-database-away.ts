import { isDatabaseUnreachable } from '@watchpost/core/db';

export interface HoldOptions {
  /** Give up (and let the write fail) once the database has been away this long. */
  holdMs: number;
  /** Pause between two attempts. */
  retryMs: number;
  /** Told once per held write, when it first finds the database away. */
  onHold(): void;
  /** Told when a write is given up for good. */
  onDrop(error: unknown): void;
  now?: () => number;
}

/**
 * Runs `write` until it succeeds, waiting out a database that is unreachable (stopped,
 * restarting, failing over) for up to `holdMs`. What is held is the caller's own data in
 * memory; any other failure, or a database away for longer, is the caller's error.
 */
export async function holdWhileDatabaseAway<T>(
  write: () => Promise<T>,
  options: HoldOptions,
): Promise<T> {
  const now = options.now ?? Date.now;
  const giveUpAt = now() + options.holdMs;
  let held = false;
  for (;;) {
    try {
      return await write();
    } catch (error) {
      if (!isDatabaseUnreachable(error)) throw error;
      if (now() >= giveUpAt) {
        options.onDrop(error);
        throw error;
      }
      if (!held) options.onHold();
      held = true;
      await new Promise((resolve) => setTimeout(resolve, options.retryMs));
    }
  }
}
