import { Redis, type RedisOptions } from 'ioredis';
import type { DistributedServices } from '../config/deployment.js';

/**
 * Every connection waits for Redis rather than failing a command after ioredis's 20
 * reconnect attempts (about 10 s):
 * - BullMQ refuses anything else on the connections its workers block on;
 * - the Socket.IO adapter and emitter publish without handling the returned promise, so a
 *   command failed by ioredis becomes an unhandled rejection, which ends a Node 20 process;
 * - a role that starts before Redis then waits for it instead of exiting (architecture rule 12).
 * Commands issued during an outage queue in memory and run once Redis is back; /healthz
 * bounds its probes with a timeout of its own, so it still answers.
 */
const EVERY_CONNECTION: RedisOptions = { maxRetriesPerRequest: null };

/**
 * Every Redis connection a process may open, by the use that needs a connection of its own.
 * A subscriber takes no other commands. A BullMQ worker runs its job commands on its own
 * connection (and blocks waiting for jobs on a copy BullMQ makes of it), so neither kind of
 * job waits behind the other or behind the producers' commands.
 */
const CONNECTIONS = {
  // Due set, queue producers, publishes, the emitter, probes: many small commands, which
  // auto-pipelining sends as one write per event-loop tick.
  commands: { enableAutoPipelining: true },
  // Apart from the Socket.IO adapter's subscriber: ioredis decodes every message to strings
  // for its `message` listeners, and the adapter's channels carry every broadcast.
  'changes-subscriber': {},
  'socket-adapter-subscriber': {},
  'check-consumer': {},
  'delivery-consumer': {},
} satisfies Record<string, RedisOptions>;

export type RedisConnectionName = keyof typeof CONNECTIONS;

/**
 * Opens one of the process's Redis connections, with its options and error listener. It is
 * named `<prefix>:<name>` in Redis's CLIENT LIST, so an operator can tell them apart.
 */
export function openRedisConnection(
  services: Pick<DistributedServices, 'redisUrl' | 'redisPrefix'>,
  name: RedisConnectionName,
  onError: (error: Error) => void,
): Redis {
  const client = new Redis(services.redisUrl, {
    ...EVERY_CONNECTION,
    ...CONNECTIONS[name],
    connectionName: `${services.redisPrefix}:${name}`,
  });
  // ioredis emits `error` on every failed (re)connect attempt and keeps reconnecting by
  // itself. With no listener it prints each one to stderr as "[ioredis] Unhandled error
  // event" with a stack, outside the structured log, for as long as Redis is away.
  client.on('error', onError);
  return client;
}
