import { parseDistributedServices } from '@watchpost/core';
import { configureSecrets } from '@watchpost/core/db';
import { createDistributedAdapterKit } from '@watchpost/core/compose';
import { createOperatorRegistry, serveOperatorMetrics } from '@watchpost/core/operator-metrics';
import { exitOnStartupError, stopOnSignals } from '@watchpost/core/runtime';
import { pino } from 'pino';
import { parseWorkerConfig, tenantChecksInFlightOf } from './config.js';
import { createMetricsWorkerObserver } from './metrics-worker-observer.js';
import { startDeliveryRunner } from './deliveries/start-delivery-runner.js';
import { startWorker } from './start-worker.js';

async function main(): Promise<void> {
  const services = parseDistributedServices(process.env, 'worker');
  await configureSecrets(process.env, { kind: 'postgres', databaseUrl: services.databaseUrl });
  const config = parseWorkerConfig(process.env);
  const logger = pino({ level: config.logLevel, base: { role: 'worker' } });
  const kit = createDistributedAdapterKit(services, {
    role: 'worker',
    logger,
    concurrency: { checks: config.concurrency, notifications: config.notificationConcurrency },
  });
  const db = await kit.database();
  const registry = createOperatorRegistry();
  const observer = createMetricsWorkerObserver(registry);

  const worker = await startWorker({
    db,
    consumer: kit.checkConsumer(),
    dueSet: kit.dueSet(),
    events: kit.tenantEvents(),
    logger,
    beatBatchSize: config.beatBatchSize,
    beatBatchWaitMs: config.beatBatchWaitMs,
    observer,
    tenantChecksInFlight: tenantChecksInFlightOf(config, 'distributed'),
  });
  const deliveries = await startDeliveryRunner({
    db,
    queue: kit.deliveryQueue(),
    consumer: kit.deliveryConsumer(),
    logger,
    observer,
  });
  logger.info({ concurrency: config.concurrency }, 'worker started');
  const operatorMetrics = await serveOperatorMetrics(registry, {
    listen: config.operatorMetrics,
    logger,
  });

  // Stops taking jobs, lets running checks finish and writes their beats before closing.
  stopOnSignals(logger, async () => {
    await operatorMetrics.close();
    await worker.close();
    await deliveries.close();
    await kit.close();
  });
}

main().catch(exitOnStartupError);
