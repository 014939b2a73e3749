import { parseDistributedServices } from '@watchpost/core';
import { createPostgresDb } from '@watchpost/core/db';
import { createOperatorRegistry, serveOperatorMetrics } from '@watchpost/core/operator-metrics';
import {
  createBullmqCheckConsumer,
  createBullmqDeliveryConsumer,
  createBullmqDeliveryQueue,
  createRedisDueSet,
} from '@watchpost/core/queue';
import { createRedisTenantEvents } from '@watchpost/core/realtime';
import { exitOnStartupError, stopOnSignals } from '@watchpost/core/runtime';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { parseWorkerConfig } from './config.js';
import { createMetricsWorkerObserver } from './metrics-worker-observer.js';
import { startDeliveryRunner } from './deliveries/start-delivery-runner.js';
import { startWorker } from './start-worker.js';

async function main(): Promise<void> {
  const services = parseDistributedServices(process.env, 'worker');
  const config = parseWorkerConfig(process.env);
  const logger = pino({ level: config.logLevel, base: { role: 'worker' } });

  const db = createPostgresDb({
    connectionString: services.databaseUrl,
    maxConnections: 10,
    onPoolError: (err) => logger.warn({ err }, 'idle database connection lost'),
  });
  // BullMQ needs maxRetriesPerRequest: null on the connections it blocks on, one per queue.
  const bullConnection = new Redis(services.redisUrl, { maxRetriesPerRequest: null });
  const deliveryConnection = new Redis(services.redisUrl, { maxRetriesPerRequest: null });
  const redis = new Redis(services.redisUrl, { enableAutoPipelining: true });
  const registry = createOperatorRegistry();
  const observer = createMetricsWorkerObserver(registry);
  const deliveryQueue = createBullmqDeliveryQueue(redis, services.redisPrefix);

  const worker = await startWorker({
    db,
    consumer: createBullmqCheckConsumer({
      connection: bullConnection,
      prefix: services.redisPrefix,
      concurrency: config.concurrency,
      onError: (err) => logger.error({ err }, 'check queue error'),
    }),
    dueSet: createRedisDueSet(redis, services.redisPrefix),
    events: createRedisTenantEvents(redis, services.redisPrefix),
    logger,
    beatBatchSize: config.beatBatchSize,
    beatBatchWaitMs: config.beatBatchWaitMs,
    observer,
  });
  const deliveries = await startDeliveryRunner({
    db,
    queue: deliveryQueue,
    consumer: createBullmqDeliveryConsumer({
      connection: deliveryConnection,
      prefix: services.redisPrefix,
      concurrency: config.notificationConcurrency,
      onError: (err) => logger.error({ err }, 'notification queue error'),
    }),
    logger,
    observer,
  });
  logger.info({ concurrency: config.concurrency }, 'worker started');
  const operatorMetrics = await serveOperatorMetrics(registry, {
    listen: config.operatorMetrics,
    logger,
  });

  // Stops taking jobs, lets running checks finish and writes their beats before closing.
  stopOnSignals(logger, async () => {
    await operatorMetrics.close();
    await worker.close();
    await deliveries.close();
    await deliveryQueue.close();
    await Promise.allSettled([bullConnection.quit(), deliveryConnection.quit(), redis.quit()]);
    await db.destroy();
  });
}

main().catch(exitOnStartupError);
