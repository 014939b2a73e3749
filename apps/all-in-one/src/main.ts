// `npm start`: all three roles in one process. With DATABASE_URL and REDIS_URL they run on
// Postgres, BullMQ and Redis; with neither, embedded on PGlite in DATA_DIR.
import { parseApiConfig, startApi, type RunningApi } from '@watchpost/api';
import { parseDeployment, storageOf } from '@watchpost/core';
import { openDatabase } from '@watchpost/core/db';
import {
  createOperatorRegistry,
  serveOperatorMetrics,
  type OperatorMetricsServer,
} from '@watchpost/core/operator-metrics';
import { exitOnStartupError, stopOnSignals } from '@watchpost/core/runtime';
import {
  createMetricsSchedulerObserver,
  parseSchedulerConfig,
  startScheduler,
  type RunningScheduler,
} from '@watchpost/scheduler';
import {
  createMetricsWorkerObserver,
  parseWorkerConfig,
  startDeliveryRunner,
  startWorker,
  type RunningDeliveryRunner,
  type RunningWorker,
} from '@watchpost/worker';
import { pino } from 'pino';
import { distributedAdapters, embeddedAdapters } from './adapters.js';

async function main(): Promise<void> {
  const deployment = parseDeployment(process.env);
  const apiConfig = parseApiConfig(process.env);
  const workerConfig = parseWorkerConfig(process.env);
  const schedulerConfig = parseSchedulerConfig(process.env);
  const logger = pino({ level: apiConfig.logLevel });

  const database = await openDatabase(storageOf(deployment), {
    maxConnections: 20,
    onPoolError: (err) => logger.warn({ err }, 'idle database connection lost'),
  });
  const { db } = database;
  const concurrency = {
    checks: workerConfig.concurrency,
    notifications: workerConfig.notificationConcurrency,
  };
  const adapters =
    deployment.mode === 'embedded'
      ? embeddedAdapters(concurrency, logger)
      : distributedAdapters(deployment, concurrency, logger);

  // One registry for the three roles: one process, one scrape target.
  const registry = createOperatorRegistry();
  const workerObserver = createMetricsWorkerObserver(registry);

  let operatorMetrics: OperatorMetricsServer | undefined;
  let api: RunningApi | undefined;
  let scheduler: RunningScheduler | undefined;
  let worker: RunningWorker | undefined;
  let deliveries: RunningDeliveryRunner | undefined;
  // Stops whatever started, in the order that loses nothing: intake first, then the
  // scheduler, then the checks in flight and their beats, then the storage.
  const stopAll = async () => {
    await operatorMetrics?.close();
    await api?.close();
    await scheduler?.close();
    await worker?.close();
    await deliveries?.close();
    await adapters.close();
    await database.close();
  };

  try {
    api = await startApi({
      db,
      socketAdapter: adapters.socketAdapter,
      probes: adapters.probes,
      changeBus: adapters.changeBus,
      logger: logger.child({ role: 'api' }),
      config: apiConfig,
    });
    worker = await startWorker({
      db,
      consumer: adapters.consumer,
      dueSet: adapters.dueSet,
      // Through the API's Socket.IO server, whose adapter reaches every other node.
      events: api.events,
      logger: logger.child({ role: 'worker' }),
      beatBatchSize: workerConfig.beatBatchSize,
      beatBatchWaitMs: workerConfig.beatBatchWaitMs,
      observer: workerObserver,
    });
    deliveries = await startDeliveryRunner({
      db,
      queue: adapters.deliveryQueue,
      consumer: adapters.deliveryConsumer,
      logger: logger.child({ role: 'notifications' }),
      observer: workerObserver,
    });
    scheduler = await startScheduler({
      db,
      dueSet: adapters.dueSet,
      checkQueue: adapters.checkQueue,
      changes: adapters.changeBus,
      logger: logger.child({ role: 'scheduler' }),
      tickMs: schedulerConfig.tickMs,
      leaseMs: schedulerConfig.leaseMs,
      reconcileEveryMs: schedulerConfig.reconcileEveryMs,
      retentionDays: schedulerConfig.retentionDays,
      observer: createMetricsSchedulerObserver(registry, {
        checkQueue: adapters.checkQueue,
        onQueueError: (err) => logger.warn({ err }, 'could not read the check queue depth'),
      }),
    });
    // The three role configs read the same two variables; the API's stands for all.
    operatorMetrics = await serveOperatorMetrics(registry, {
      listen: apiConfig.operatorMetrics,
      logger,
    });
  } catch (error) {
    await stopAll().catch(() => {});
    throw error;
  }

  const where = deployment.mode === 'embedded' ? `data in ${deployment.dataDir}` : 'distributed';
  process.stdout.write(`Watchpost is running (${where}): open http://localhost:${api.port}\n`);

  stopOnSignals(logger, stopAll);
}

main().catch(exitOnStartupError);
