import { parseDistributedServices } from '@watchpost/core';
import { createDistributedAdapterKit } from '@watchpost/core/compose';
import { parseEgressPolicy } from '@watchpost/core/egress';
import { createOperatorRegistry, serveOperatorMetrics } from '@watchpost/core/operator-metrics';
import { exitOnStartupError, stopOnSignals } from '@watchpost/core/runtime';
import { pino } from 'pino';
import { parseWorkerConfig } from './config.js';
import { createMetricsWorkerObserver } from './metrics-worker-observer.js';
import { startDeliveryRunner } from './deliveries/start-delivery-runner.js';
import { startWorker } from './start-worker.js';

async function main(): Promise<void> {
  const services = parseDistributedServices(process.env, 'worker');
  const config = parseWorkerConfig(process.env);
  const egress = parseEgressPolicy(process.env, 'distributed');
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
