import { createRedisSocketAdapter, type ApiDeps } from '@watchpost/api';
import type { DistributedServices } from '@watchpost/core';
import {
  createBullmqCheckConsumer,
  createBullmqCheckQueue,
  createInProcessCheckQueue,
  createMemoryDueSet,
  createMemoryMonitorChangeBus,
  createRedisDueSet,
  createRedisMonitorChangeBus,
  type CheckConsumer,
  type CheckQueue,
  type DueSet,
  type MonitorChangeBus,
} from '@watchpost/core/queue';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';

/** The seams between the roles, built once and shared by all three. */
export interface RoleAdapters {
  dueSet: DueSet;
  checkQueue: CheckQueue;
  consumer: CheckConsumer;
  changeBus: MonitorChangeBus;
  socketAdapter: ApiDeps['socketAdapter'];
  probes: ApiDeps['probes'];
  /** After the roles have stopped. */
  close(): Promise<void>;
}

/** One machine: everything in process memory, nothing to connect to. */
export function embeddedAdapters(concurrency: number, logger: Logger): RoleAdapters {
  const queue = createInProcessCheckQueue({
    concurrency,
    onError: (err) => logger.error({ err }, 'check queue listener failed'),
  });
  return {
    dueSet: createMemoryDueSet(),
    checkQueue: queue,
    consumer: queue,
    changeBus: createMemoryMonitorChangeBus(),
    // Socket.IO's in-memory adapter: this is the only node.
    socketAdapter: undefined,
    probes: {},
    close: async () => {},
  };
}

/** Redis and BullMQ, so more api/worker/scheduler processes can join this one. */
export function distributedAdapters(
  services: DistributedServices,
  concurrency: number,
  logger: Logger,
): RoleAdapters {
  const connect = (name: string) => {
    const client = new Redis(services.redisUrl, { maxRetriesPerRequest: null });
    client.on('error', (err) => logger.warn({ err, client: name }, 'Redis error'));
    return client;
  };
  // Blocking (BullMQ worker) and subscriber connections cannot be shared with commands.
  const redis = connect('commands');
  const adapterSub = connect('adapter-subscriber');
  const changesSub = connect('changes-subscriber');
  const workerConnection = connect('worker');
  const prefix = services.redisPrefix;
  const checkQueue = createBullmqCheckQueue(redis, prefix);
  return {
    dueSet: createRedisDueSet(redis, prefix),
    checkQueue,
    consumer: createBullmqCheckConsumer({
      connection: workerConnection,
      prefix,
      concurrency,
      onError: (err) => logger.error({ err }, 'check queue error'),
    }),
    changeBus: createRedisMonitorChangeBus(redis, changesSub, prefix),
    socketAdapter: createRedisSocketAdapter(redis, adapterSub, prefix),
    probes: { redis: () => redis.ping() },
    async close() {
      await checkQueue.close();
      await Promise.allSettled(
        [redis, adapterSub, changesSub, workerConnection].map((c) => c.quit()),
      );
    },
  };
}
