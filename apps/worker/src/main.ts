import { parseDistributedServices } from '@watchpost/core';
import { configureSecrets } from '@watchpost/core/db';
import { createDistributedAdapterKit } from '@watchpost/core/compose';
import { parseEgressPolicy } from '@watchpost/core/egress';
import { createOperatorRegistry, serveOperatorMetrics } from '@watchpost/core/operator-metrics';
import { exitOnStartupError, stopOnSignals } from '@watchpost/core/runtime';
import { pino } from 'pino';
import { beatBatchWaitOf, parseWorkerConfig, tenantChecksInFlightOf } from './config.js';
import { createMetricsWorkerObserver } from './metrics-worker-observer.js';
import { startDeliveryRunner } from './deliveries/start-delivery-runner.js';
import { startWorker } from './start-worker.js';

async function main(): Promise<void> {
  const services = parseDistributedServices(process.env, 'worker');
  await configureSecrets(process.env, { kind: 'postgres', databaseUrl: services.databaseUrl });
  const config = parseWorkerConfig(process.env);
  const egress = parseEgressPolicy(process.env, 'distributed');
  const logger = pino({ level: config.logLevel, base: { role: 'worker' } });
  const kit = createDistributedAdapterKit(services, {
    role: 'worker',
    logger,
    concurrency: { checks: config.concurrency, notifications: config.notificationConcurrency },
    jobLockMs: config.jobLockMs,
  });
  const registry = createOperatorRegistry();
  const observer = createMetricsWorkerObserver(registry);
  // Served first: while the worker waits for the database or its schema, it is live, not ready.
  const operatorMetrics = await serveOperatorMetrics(registry, {
    listen: config.operatorMetrics,
    logger,
    probes: kit.healthProbes(),
  });
  const db = await kit.database();

  const worker = await startWorker({
    db,
    consumer: kit.checkConsumer(),
    dueSet: kit.dueSet(),
    changes: kit.changeBus(),
    events: kit.tenantEvents(),
    logger,
    beatBatchSize: config.beatBatchSize,
    beatBatchWaitMs: beatBatchWaitOf(config, 'distributed'),
    beatHoldMs: config.beatHoldMs,
    observer,
    tenantChecksInFlight: tenantChecksInFlightOf(config, 'distributed'),
    egress,
  });
  const deliveries = await startDeliveryRunner({
    db,
    queue: kit.deliveryQueue(),
    consumer: kit.deliveryConsumer(),
    logger,
    observer,
    egress,
  });
  logger.info({ concurrency: config.concurrency }, 'worker started');

  // Stops taking jobs, lets running checks finish and writes their beats before closing.
  stopOnSignals(logger, async () => {
    await operatorMetrics.close();
    await worker.close();
    await deliveries.close();
    await kit.close();
  });
}

main().catch(exitOnStartupError);
