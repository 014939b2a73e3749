import { parseDistributedServices } from '@watchpost/core';
import { configureSecrets } from '@watchpost/core/db';
import { createDistributedAdapterKit } from '@watchpost/core/compose';
import { createOperatorRegistry, serveOperatorMetrics } from '@watchpost/core/operator-metrics';
import { exitOnStartupError, stopOnSignals } from '@watchpost/core/runtime';
import { pino } from 'pino';
import { parseSchedulerConfig } from './config.js';
import { createMetricsSchedulerObserver } from './metrics-scheduler-observer.js';
import { startScheduler } from './start-scheduler.js';

async function main(): Promise<void> {
  const services = parseDistributedServices(process.env, 'scheduler');
  await configureSecrets(process.env, { kind: 'postgres', databaseUrl: services.databaseUrl });
  const config = parseSchedulerConfig(process.env);
  const logger = pino({ level: config.logLevel, base: { role: 'scheduler' } });
  const kit = createDistributedAdapterKit(services, { role: 'scheduler', logger });
  const registry = createOperatorRegistry();
  // Served first: while the scheduler waits for the database or its schema, it is live, not ready.
  const operatorMetrics = await serveOperatorMetrics(registry, {
    listen: config.operatorMetrics,
    logger,
    probes: kit.healthProbes(),
  });

  const scheduler = await startScheduler({
    db: await kit.database(),
    dueSet: kit.dueSet(),
    checkQueue: kit.checkQueue(),
    changes: kit.changeBus(),
    logger,
    tickMs: config.tickMs,
    leaseMs: config.leaseMs,
    reconcileEveryMs: config.reconcileEveryMs,
    retentionDays: config.retentionDays,
    observer: createMetricsSchedulerObserver(registry, {
      checkQueue: kit.checkQueue(),
      onQueueError: (err) => logger.warn({ err }, 'could not read the check queue depth'),
    }),
  });
  logger.info('scheduler started');

  stopOnSignals(logger, async () => {
    await operatorMetrics.close();
    await scheduler.close();
    await kit.close();
  });
}

main().catch(exitOnStartupError);
