import { StartupError } from '../errors/startup-error.js';

export interface WaitWhileLateOptions {
  /** A pino logger will do; narrowed so the wait can be tested without one. */
  logger: { warn(fields: { reason: string }, message: string): void };
  /** What the process waits for, as the one line it logs ("waiting for database schema 0017"). */
  waitingFor: string;
  /** Pause between two attempts. */
  retryMs?: number;
  /** The line is logged at most once per this long, with the latest reason. */
  reportEveryMs?: number;
}

/**
 * Runs `attempt` until it succeeds: a dependency that is merely late (not listening yet,
 * starting up, its schema not migrated yet) is waited for, never a reason to exit
 * (architecture rule 12). A StartupError is the operator's to fix and ends the wait.
 */
export async function waitWhileLate<T>(
  attempt: () => Promise<T>,
  options: WaitWhileLateOptions,
): Promise<T> {
  const retryMs = options.retryMs ?? 500;
  const reportEveryMs = options.reportEveryMs ?? 5_000;
  let reportedAt = -Infinity;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (error instanceof StartupError) throw error;
      if (Date.now() - reportedAt >= reportEveryMs) {
        reportedAt = Date.now();
        options.logger.warn({ reason: reasonOf(error) }, options.waitingFor);
      }
      await new Promise((resolve) => setTimeout(resolve, retryMs));
    }
  }
}

function reasonOf(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return reasonOf(error.errors[0]);
  return error instanceof Error ? error.message : String(error);
}
