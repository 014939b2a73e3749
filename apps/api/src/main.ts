import { Redis } from 'ioredis';
import { pino } from 'pino';
import { parseDistributedServices } from '@watchpost/core';
import { createPostgresDb, prepareDatabase } from '@watchpost/core/db';
import { createOperatorRegistry, serveOperatorMetrics } from '@watchpost/core/operator-metrics';
import { createRedisMonitorChangeBus } from '@watchpost/core/queue';
import { exitOnStartupError, stopOnSignals } from '@watchpost/core/runtime';
import { parseApiConfig } from './config.js';
import { createRedisSocketAdapter } from './redis-socket-adapter.js';
import { startApi } from './start-api.js';

async function main(): Promise<void> {
  const services = parseDistributedServices(process.env, 'api');
  const config = parseApiConfig(process.env);
  const logger = pino({ level: config.logLevel, base: { role: 'api' } });

  const db = createPostgresDb({
    connectionString: services.databaseUrl,
    onPoolError: (error) => logger.warn({ err: error }, 'idle Postgres connection failed'),
  });
  const pub = new Redis(services.redisUrl);
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
  const changeBus = createRedisMonitorChangeBus(pub, sub, services.redisPrefix);
  const api = await startApi({
    db,
    socketAdapter: createRedisSocketAdapter(pub, sub, services.redisPrefix),
    probes: { redis: () => pub.ping() },
    changeBus,
    logger,
    config,
  });
  logger.info(`Watchpost API listening on http://${config.host}:${api.port}`);
  // The API has no families of its own yet: its registry holds Node's process metrics.
  const operatorMetrics = await serveOperatorMetrics(createOperatorRegistry(), {
    listen: config.operatorMetrics,
    logger,
  });

  stopOnSignals(logger, async () => {
    await operatorMetrics.close();
    await api.close();
    await Promise.all([pub.quit(), sub.quit()]);
    await db.destroy();
  });
}

main().catch(exitOnStartupError);
