import { createPostgresDb } from '@watchpost/core/db';
import { createRedisDueSet } from '@watchpost/core/queue';
import { createRedisTenantEvents } from '@watchpost/core/realtime';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { parseWorkerConfig } from './config.js';
import { startWorker } from './start-worker.js';

const config = parseWorkerConfig(process.env);
const logger = pino({ level: config.logLevel, base: { role: 'worker' } });

const db = createPostgresDb({
  connectionString: config.databaseUrl,
  maxConnections: 10,
  onPoolError: (err) => logger.warn({ err }, 'idle database connection lost'),
});
// BullMQ needs maxRetriesPerRequest: null on the connection it blocks on.
const bullConnection = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
const redis = new Redis(config.redisUrl, { enableAutoPipelining: true });

const worker = await startWorker({
  db,
  connection: bullConnection,
  prefix: config.redisPrefix,
  dueSet: createRedisDueSet(redis, config.redisPrefix),
  events: createRedisTenantEvents(redis, config.redisPrefix),
  logger,
  concurrency: config.concurrency,
  beatBatchSize: config.beatBatchSize,
  beatBatchWaitMs: config.beatBatchWaitMs,
});
logger.info({ concurrency: config.concurrency }, 'worker started');

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'draining');
  await worker.close();
  await Promise.allSettled([bullConnection.quit(), redis.quit()]);
  await db.destroy();
  logger.info('stopped');
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
