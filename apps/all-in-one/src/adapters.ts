import { createRedisSocketAdapter, type ApiDeps } from '@watchpost/api';
import type { DistributedServices } from '@watchpost/core';
import {
  createBullmqCheckConsumer,
  createBullmqCheckQueue,
  createBullmqDeliveryConsumer,
  createBullmqDeliveryQueue,
  createInProcessCheckQueue,
  createInProcessDeliveryQueue,
  createMemoryDueSet,
  createMemoryMonitorChangeBus,
  createRedisDueSet,
  createRedisMonitorChangeBus,
  type CheckConsumer,
  type CheckQueue,
  type DeliveryConsumer,
  type DeliveryQueue,
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
  deliveryQueue: DeliveryQueue;
  deliveryConsumer: DeliveryConsumer;
  changeBus: MonitorChangeBus;
  socketAdapter: ApiDeps['socketAdapter'];
  probes: ApiDeps['probes'];
  /** After the roles have stopped. */
  close(): Promise<void>;
}

/** How many checks and how many notification deliveries run at once. */
export interface Concurrency {
  checks: number;
  notifications: number;
}

/** One machine: everything in process memory, nothing to connect to. */
export function embeddedAdapters(concurrency: Concurrency, logger: Logger): RoleAdapters {
  const queue = createInProcessCheckQueue({
    concurrency: concurrency.checks,
    onError: (err) => logger.error({ err }, 'check queue listener failed'),
  });
  // Deliveries left pending by a stop are rows in the data directory: the first sweep after
  // the next start queues them again.
  const deliveries = createInProcessDeliveryQueue({
    concurrency: concurrency.notifications,
    onError: (err) => logger.error({ err }, 'notification queue listener failed'),
  });
  return {
    dueSet: createMemoryDueSet(),
    checkQueue: queue,
    consumer: queue,
    deliveryQueue: deliveries,
    deliveryConsumer: deliveries,
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
  concurrency: Concurrency,
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
  const deliveryConnection = connect('deliveries');
  const prefix = services.redisPrefix;
  const checkQueue = createBullmqCheckQueue(redis, prefix);
  const deliveryQueue = createBullmqDeliveryQueue(redis, prefix);
  return {
    dueSet: createRedisDueSet(redis, prefix),
    checkQueue,
    consumer: createBullmqCheckConsumer({
      connection: workerConnection,
      prefix,
      concurrency: concurrency.checks,
      onError: (err) => logger.error({ err }, 'check queue error'),
    }),
    deliveryQueue,
    deliveryConsumer: createBullmqDeliveryConsumer({
      connection: deliveryConnection,
      prefix,
      concurrency: concurrency.notifications,
      onError: (err) => logger.error({ err }, 'notification queue error'),
    }),
    changeBus: createRedisMonitorChangeBus(redis, changesSub, prefix),
    socketAdapter: createRedisSocketAdapter(redis, adapterSub, prefix),
    probes: { redis: () => redis.ping() },
    async close() {
      await checkQueue.close();
      await deliveryQueue.close();
      await Promise.allSettled(
        [redis, adapterSub, changesSub, workerConnection, deliveryConnection].map((c) => c.quit()),
      );
    },
  };
}
