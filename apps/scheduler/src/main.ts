import { parseDistributedServices } from '@watchpost/core';
import { createPostgresDb } from '@watchpost/core/db';
import { createOperatorRegistry, serveOperatorMetrics } from '@watchpost/core/operator-metrics';
import {
  createBullmqCheckQueue,
  createRedisDueSet,
  createRedisMonitorChangeBus,
} from '@watchpost/core/queue';
import { exitOnStartupError, stopOnSignals } from '@watchpost/core/runtime';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { parseSchedulerConfig } from './config.js';
import { createMetricsSchedulerObserver } from './metrics-scheduler-observer.js';
import { startScheduler } from './start-scheduler.js';

async function main(): Promise<void> {
  const services = parseDistributedServices(process.env, 'scheduler');
  const config = parseSchedulerConfig(process.env);
  const logger = pino({ level: config.logLevel, base: { role: 'scheduler' } });

  const db = createPostgresDb({
    connectionString: services.databaseUrl,
    maxConnections: 3,
    onPoolError: (err) => logger.warn({ err }, 'idle database connection lost'),
  });
  const redis = new Redis(services.redisUrl, { maxRetriesPerRequest: null });
  const subscriber = new Redis(services.redisUrl, { maxRetriesPerRequest: null });
  const prefix = services.redisPrefix;
  const checkQueue = createBullmqCheckQueue(redis, prefix);
  const registry = createOperatorRegistry();

  const scheduler = await startScheduler({
    db,
    dueSet: createRedisDueSet(redis, prefix),
    checkQueue,
    changes: createRedisMonitorChangeBus(redis, subscriber, prefix),
    logger,
    tickMs: config.tickMs,
    leaseMs: config.leaseMs,
    reconcileEveryMs: config.reconcileEveryMs,
    retentionDays: config.retentionDays,
    observer: createMetricsSchedulerObserver(registry, {
      checkQueue,
      onQueueError: (err) => logger.warn({ err }, 'could not read the check queue depth'),
    }),
  });
  logger.info('scheduler started');
  const operatorMetrics = await serveOperatorMetrics(registry, {
    listen: config.operatorMetrics,
    logger,
  });

  stopOnSignals(logger, async () => {
    await operatorMetrics.close();
    await scheduler.close();
    await checkQueue.close();
    await Promise.allSettled([redis.quit(), subscriber.quit()]);
    await db.destroy();
  });
}

main().catch(exitOnStartupError);
