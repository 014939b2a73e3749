import { Redis } from 'ioredis';
import { pino } from 'pino';
import { createPostgresDb, prepareDatabase } from '@watchpost/core/db';
import { createRedisMonitorChangeBus } from '@watchpost/core/queue';
import { parseApiConfig } from './config.js';
import { startApi } from './start-api.js';

const config = parseApiConfig(process.env);
const logger = pino({ level: config.logLevel, base: { role: 'api' } });

const db = createPostgresDb({
  connectionString: config.databaseUrl,
  onPoolError: (error) => logger.warn({ err: error }, 'idle Postgres connection failed'),
});
const pub = new Redis(config.redisUrl);
const sub = pub.duplicate();
for (const [name, client] of [
  ['pub', pub],
  ['sub', sub],
] as const) {
  // Without a listener ioredis reports every reconnect attempt as an unhandled error.
  client.on('error', (error) => logger.warn({ err: error, client: name }, 'Redis error'));
}

await prepareDatabase(db);

// The API only publishes; the subscriber connection is never used for the bus, so the
// adapter's is passed rather than opening a third connection.
const changeBus = createRedisMonitorChangeBus(pub, sub, config.redisPrefix);
const api = await startApi({ db, redis: { pub, sub }, changeBus, logger, config });
logger.info(`Watchpost API listening on http://${config.host}:${api.port}`);

let stopping = false;
async function shutdown(signal: NodeJS.Signals): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  try {
    await api.close();
    await Promise.all([pub.quit(), sub.quit()]);
    await db.destroy();
    process.exit(0);
  } catch (error) {
    logger.error({ err: error }, 'shutdown failed');
    process.exit(1);
  }
}
process.on('SIGTERM', (signal) => void shutdown(signal));
process.on('SIGINT', (signal) => void shutdown(signal));
