import { createPostgresDb } from '@watchpost/core/db';
import { createRedisDueSet } from '@watchpost/core/queue';
import { createRedisTenantEvents } from '@watchpost/core/realtime';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { createBeatWriter } from './beat-writer.js';
import { createCheckProcessor } from './check-processor.js';
import { runCheck } from './checks/run-check.js';
import { parseWorkerConfig } from './config.js';
import { startWorker } from './start-worker.js';
import { silentObserver } from './worker-observer.js';

const config = parseWorkerConfig(process.env);
const logger = pino({ level: config.logLevel, base: { role: 'worker' } });

const db = createPostgresDb({
  connectionString: config.databaseUrl,
  maxConnections: 10,
  onPoolError: (err) => logger.warn({ err }, 'idle database connection lost'),
});
// BullMQ needs maxRetriesPerRequest: null on connections it blocks on.
const bullConnection = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
const redis = new Redis(config.redisUrl, { enableAutoPipelining: true });

const beats = createBeatWriter({
  db,
  events: createRedisTenantEvents(redis, config.redisPrefix),
  logger,
  maxBatch: config.beatBatchSize,
  maxWaitMs: config.beatBatchWaitMs,
});
const worker = await startWorker({
  connection: bullConnection,
  prefix: config.redisPrefix,
  concurrency: config.concurrency,
  dueSet: createRedisDueSet(redis, config.redisPrefix),
  processCheck: createCheckProcessor({ db, beats, observer: silentObserver, runCheck }),
  logger,
});
logger.info({ concurrency: config.concurrency }, 'worker started');

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'draining');
  await worker.close();
  await beats.flush();
  await Promise.allSettled([bullConnection.quit(), redis.quit()]);
  await db.destroy();
  logger.info('stopped');
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
