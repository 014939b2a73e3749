import type { Redis } from 'ioredis';
import type { DistributedServices } from '../config/deployment.js';
import { createBullmqCheckConsumer } from '../queue/bullmq-check-consumer.js';
import { createBullmqCheckQueue } from '../queue/bullmq-check-queue.js';
import {
  createBullmqDeliveryConsumer,
  createBullmqDeliveryQueue,
} from '../queue/delivery-queues.js';
import { createRedisDueSet } from '../queue/redis-due-set.js';
import { createRedisChangeBus } from '../changes/redis-change-bus.js';
import { createRedisTenantEvents } from '../realtime/redis-tenant-events.js';
import { announceWatchedTenants, createRedisTenantWatch } from '../realtime/redis-tenant-watch.js';
import {
  concurrencyOf,
  type AdapterKitOptions,
  type DistributedAdapterKit,
} from './adapter-kit.js';
import { closeKitResources, noKitResources, track, trackDatabase } from './kit-resources.js';
import { databaseProbes } from './database-probes.js';
import { readBuildSchemaVersion } from '../db/schema-version.js';
import { lazily } from './lazily.js';
import { openRedisConnection, type RedisConnectionName } from './open-redis-connection.js';
import { openRoleDatabase } from './open-role-database.js';
import { createRedisErrorLog } from './redis-error-log.js';
import { createRedisSocketAdapter } from './redis-socket-adapter.js';

/** Postgres, BullMQ and Redis, shared by any number of api, worker and scheduler processes. */
export function createDistributedAdapterKit(
  services: DistributedServices,
  options: AdapterKitOptions,
): DistributedAdapterKit {
  const { logger } = options;
  const prefix = services.redisPrefix;
  const opened = noKitResources();
  const errors = createRedisErrorLog(logger);

  const connections = new Map<RedisConnectionName, Redis>();
  function connection(name: RedisConnectionName): Redis {
    let client = connections.get(name);
    if (!client) {
      client = openRedisConnection(services, name, errors.connection(name));
      connections.set(name, client);
      opened.redis.push(client);
    }
    return client;
  }

  const database = lazily(() => {
    const storage = { kind: 'postgres', databaseUrl: services.databaseUrl } as const;
    return trackDatabase(opened, openRoleDatabase(storage, options.role, logger));
  });
  const checkQueue = lazily(() =>
    track(
      opened.queues,
      createBullmqCheckQueue(connection('commands'), prefix, errors.queue('check queue error')),
    ),
  );
  const checkConsumer = lazily(() =>
    track(
      opened.consumers,
      createBullmqCheckConsumer({
        connection: connection('check-consumer'),
        prefix,
        concurrency: concurrencyOf(options, 'checks'),
        lockMs: options.jobLockMs,
        onError: errors.queue('check queue error'),
      }),
    ),
  );
  const deliveryQueue = lazily(() =>
    track(
      opened.queues,
      createBullmqDeliveryQueue(
        connection('commands'),
        prefix,
        errors.queue('notification queue error'),
      ),
    ),
  );
  const deliveryConsumer = lazily(() =>
    track(
      opened.consumers,
      createBullmqDeliveryConsumer({
        connection: connection('delivery-consumer'),
        prefix,
        concurrency: concurrencyOf(options, 'notifications'),
        lockMs: options.jobLockMs,
        onError: errors.queue('notification queue error'),
      }),
    ),
  );
  return {
    database,
    dueSet: lazily(() => createRedisDueSet(connection('commands'), prefix)),
    checkQueue,
    checkConsumer,
    deliveryQueue,
    deliveryConsumer,
    changeBus: lazily(() =>
      createRedisChangeBus(connection('commands'), connection('changes-subscriber'), prefix),
    ),
    socketAdapter: lazily(() =>
      createRedisSocketAdapter(
        connection('commands'),
        connection('socket-adapter-subscriber'),
        prefix,
      ),
    ),
    watchTenants(rooms) {
      const redis = connection('commands');
      const announcing = announceWatchedTenants(redis, prefix, rooms, (err) =>
        logger.warn({ err }, 'could not tell Redis which tenants this node serves'),
      );
      return { watch: createRedisTenantWatch(redis, prefix), stop: () => announcing.stop() };
    },
    healthProbes: () => ({
      ...databaseProbes(() => opened.openDatabase, readBuildSchemaVersion()),
      redis: () => connection('commands').ping(),
    }),
    tenantEvents: lazily(() => createRedisTenantEvents(connection('commands'), prefix)),
    close: () => closeKitResources(opened),
  };
}
