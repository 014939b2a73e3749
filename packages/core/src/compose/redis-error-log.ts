import type { Logger } from 'pino';
import type { RedisConnectionName } from './open-redis-connection.js';

export interface RedisErrorLog {
  /** The `error` listener of one of the kit's connections. */
  connection(name: RedisConnectionName): (error: Error) => void;
  /**
   * The `error` listener of a BullMQ queue or worker. BullMQ re-emits the errors of the
   * connections it uses; those the connection's own listener has logged are not logged twice.
   */
  queue(message: string): (error: Error) => void;
}

/** One log line per Redis failure, whichever object reports it. */
export function createRedisErrorLog(logger: Logger): RedisErrorLog {
  const logged = new WeakSet<Error>();
  return {
    connection: (name) => (err) => {
      logged.add(err);
      logger.warn({ err, client: name }, 'Redis error');
    },
    queue: (message) => (err) => {
      if (!logged.has(err)) logger.error({ err }, message);
    },
  };
}
