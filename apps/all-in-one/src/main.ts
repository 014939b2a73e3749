// All three roles in one process, sharing one set of connections. Run with `npm start`.
import { parseApiConfig, startApi } from '@watchpost/api';
import { createPostgresDb, ensureDatabaseExists, prepareDatabase } from '@watchpost/core/db';
import {
  createBullmqCheckQueue,
  createRedisDueSet,
  createRedisMonitorChangeBus,
} from '@watchpost/core/queue';
import { createRedisTenantEvents } from '@watchpost/core/realtime';
import { parseSchedulerConfig, startScheduler } from '@watchpost/scheduler';
import { parseWorkerConfig, startWorker } from '@watchpost/worker';
import { Redis } from 'ioredis';
import { pino } from 'pino';

const api = parseApiConfig(process.env);
const worker = parseWorkerConfig(process.env);
const scheduler = parseSchedulerConfig(process.env);
const logger = pino({ level: api.logLevel });

await ensureDatabaseExists(api.databaseUrl);
const db = createPostgresDb({
  connectionString: api.databaseUrl,
  maxConnections: 20,
  onPoolError: (err) => logger.warn({ err }, 'idle database connection lost'),
});
const connect = (name: string) => {
  const client = new Redis(api.redisUrl, { maxRetriesPerRequest: null });
  client.on('error', (err) => logger.warn({ err, client: name }, 'Redis error'));
  return client;
};
// Blocking (BullMQ worker) and subscriber connections cannot be shared with commands.
const redis = connect('commands');
const adapterSub = connect('adapter-subscriber');
const changesSub = connect('changes-subscriber');
const workerConnection = connect('worker');

await prepareDatabase(db);

const prefix = api.redisPrefix;
const changeBus = createRedisMonitorChangeBus(redis, changesSub, prefix);
const dueSet = createRedisDueSet(redis, prefix);
const checkQueue = createBullmqCheckQueue(redis, prefix);

const runningScheduler = await startScheduler({
  db,
  dueSet,
  checkQueue,
  changes: changeBus,
  logger: logger.child({ role: 'scheduler' }),
  tickMs: scheduler.tickMs,
  leaseMs: scheduler.leaseMs,
  reconcileEveryMs: scheduler.reconcileEveryMs,
  retentionDays: scheduler.retentionDays,
});
const runningWorker = await startWorker({
  db,
  connection: workerConnection,
  prefix,
  dueSet,
  events: createRedisTenantEvents(redis, prefix),
  logger: logger.child({ role: 'worker' }),
  concurrency: worker.concurrency,
  beatBatchSize: worker.beatBatchSize,
  beatBatchWaitMs: worker.beatBatchWaitMs,
});
const runningApi = await startApi({
  db,
  redis: { pub: redis, sub: adapterSub },
  changeBus,
  logger: logger.child({ role: 'api' }),
  config: api,
});
logger.info(`Watchpost is running: open http://localhost:${runningApi.port}`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  await runningApi.close();
  await runningScheduler.close();
  await runningWorker.close();
  await checkQueue.close();
  await Promise.allSettled([redis, adapterSub, changesSub, workerConnection].map((c) => c.quit()));
  await db.destroy();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
