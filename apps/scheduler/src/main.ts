import { createPostgresDb } from '@watchpost/core/db';
import {
  createBullmqCheckQueue,
  createRedisDueSet,
  createRedisMonitorChangeBus,
} from '@watchpost/core/queue';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { parseSchedulerConfig } from './config.js';
import { startScheduler } from './start-scheduler.js';

const config = parseSchedulerConfig(process.env);
const logger = pino({ level: config.logLevel, base: { role: 'scheduler' } });

const db = createPostgresDb({
  connectionString: config.databaseUrl,
  maxConnections: 3,
  onPoolError: (err) => logger.warn({ err }, 'idle database connection lost'),
});
const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
const subscriber = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
const checkQueue = createBullmqCheckQueue(redis, config.redisPrefix);

const scheduler = await startScheduler({
  db,
  dueSet: createRedisDueSet(redis, config.redisPrefix),
  checkQueue,
  changes: createRedisMonitorChangeBus(redis, subscriber, config.redisPrefix),
  logger,
  tickMs: config.tickMs,
  leaseMs: config.leaseMs,
  reconcileEveryMs: config.reconcileEveryMs,
  retentionDays: config.retentionDays,
});
logger.info('scheduler started');

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'stopping');
  await scheduler.close();
  await checkQueue.close();
  await Promise.allSettled([redis.quit(), subscriber.quit()]);
  await db.destroy();
  logger.info('stopped');
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
