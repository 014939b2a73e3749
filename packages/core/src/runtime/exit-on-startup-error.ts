import { StartupError } from '../errors/startup-error.js';

/**
 * The last word of an entry point that could not start: a StartupError (the operator's to
 * fix) becomes one line on stderr; anything else is our bug and keeps its stack trace.
 */
export function exitOnStartupError(error: unknown): never {
  if (error instanceof StartupError) {
    process.stderr.write(`watchpost: ${error.message}\n`);
  } else {
    process.stderr.write(
      `watchpost: could not start\n${String((error as Error)?.stack ?? error)}\n`,
    );
  }
  process.exit(1);
}
