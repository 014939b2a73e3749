// `npm start`: all three roles in one process. With DATABASE_URL and REDIS_URL they run on
// Postgres, BullMQ and Redis; with neither, embedded on PGlite in DATA_DIR.
import { parseApiConfig, startApi, type RunningApi } from '@watchpost/api';
import { parseDeployment, storageOf } from '@watchpost/core';
import { configureSecrets } from '@watchpost/core/db';
import { createAdapterKit } from '@watchpost/core/compose';
import { parseEgressPolicy } from '@watchpost/core/egress';
import { createOperatorRegistry, serveOperatorMetrics } from '@watchpost/core/operator-metrics';
import { exitOnStartupError, stopOnSignals } from '@watchpost/core/runtime';
import { parseDomainVerification } from '@watchpost/core/services';
import {
  createMetricsSchedulerObserver,
  parseSchedulerConfig,
  startScheduler,
  type RunningScheduler,
} from '@watchpost/scheduler';
import {
  beatBatchWaitOf,
  createMetricsWorkerObserver,
  parseWorkerConfig,
  startDeliveryRunner,
  startWorker,
  tenantChecksInFlightOf,
  type RunningDeliveryRunner,
  type RunningWorker,
} from '@watchpost/worker';
import { pino } from 'pino';

async function main(): Promise<void> {
  const deployment = parseDeployment(process.env);
  const apiConfig = parseApiConfig(process.env, deployment.mode);
  const workerConfig = parseWorkerConfig(process.env);
  const schedulerConfig = parseSchedulerConfig(process.env);
  const egress = parseEgressPolicy(process.env, deployment.mode);
  const domainVerification = parseDomainVerification(process.env, deployment.mode);
  const logger = pino({ level: apiConfig.logLevel });
  await configureSecrets(process.env, storageOf(deployment));

  // One kit for the three roles: they share one database, one queue and one bus.
  const kit = createAdapterKit(deployment, {
    role: 'all-in-one',
    logger,
    concurrency: {
      checks: workerConfig.concurrency,
      notifications: workerConfig.notificationConcurrency,
    },
    jobLockMs: workerConfig.jobLockMs,
  });
  // One registry for the three roles: one process, one scrape target. Served first: while
  // the process waits for the database, it is live, not ready. The three role configs read
  // the same two variables; the API's stands for all.
  const registry = createOperatorRegistry();
  const workerObserver = createMetricsWorkerObserver(registry);
  const operatorMetrics = await serveOperatorMetrics(registry, {
    listen: apiConfig.operatorMetrics,
    logger,
    probes: kit.healthProbes(),
  });
  const db = await kit.database();

  let api: RunningApi | undefined;
  let scheduler: RunningScheduler | undefined;
  let worker: RunningWorker | undefined;
  let deliveries: RunningDeliveryRunner | undefined;
  // Stops whatever started, in the order that loses nothing: intake first, then the
  // scheduler, then the checks in flight and their beats, then the storage.
  const stopAll = async () => {
    await operatorMetrics.close();
    await api?.close();
    await scheduler?.close();
    await worker?.close();
    await deliveries?.close();
    await kit.close();
  };

  try {
    api = await startApi({
      db,
      socketAdapter: kit.socketAdapter(),
      watchTenants: (rooms) => kit.watchTenants(rooms),
      probes: kit.healthProbes(),
      changeBus: kit.changeBus(),
      logger: logger.child({ role: 'api' }),
      config: apiConfig,
      egress,
      domainVerification,
    });
    worker = await startWorker({
      db,
      consumer: kit.checkConsumer(),
      dueSet: kit.dueSet(),
      changes: kit.changeBus(),
      // Through the API's Socket.IO server, whose adapter reaches every other node.
      events: api.events,
      logger: logger.child({ role: 'worker' }),
      beatBatchSize: workerConfig.beatBatchSize,
      beatBatchWaitMs: beatBatchWaitOf(workerConfig, deployment.mode),
      beatHoldMs: workerConfig.beatHoldMs,
      observer: workerObserver,
      tenantChecksInFlight: tenantChecksInFlightOf(workerConfig, deployment.mode),
      egress,
    });
    deliveries = await startDeliveryRunner({
      db,
      queue: kit.deliveryQueue(),
      consumer: kit.deliveryConsumer(),
      logger: logger.child({ role: 'notifications' }),
      observer: workerObserver,
      egress,
    });
    scheduler = await startScheduler({
      db,
      dueSet: kit.dueSet(),
      checkQueue: kit.checkQueue(),
      changes: kit.changeBus(),
      logger: logger.child({ role: 'scheduler' }),
      tickMs: schedulerConfig.tickMs,
      leaseMs: schedulerConfig.leaseMs,
      reconcileEveryMs: schedulerConfig.reconcileEveryMs,
      retentionDays: schedulerConfig.retentionDays,
      observer: createMetricsSchedulerObserver(registry, {
        checkQueue: kit.checkQueue(),
        onQueueError: (err) => logger.warn({ err }, 'could not read the check queue depth'),
      }),
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
