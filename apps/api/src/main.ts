import { pino } from 'pino';
import { parseDistributedServices } from '@watchpost/core';
import { createDistributedAdapterKit } from '@watchpost/core/compose';
import { createOperatorRegistry, serveOperatorMetrics } from '@watchpost/core/operator-metrics';
import { exitOnStartupError, stopOnSignals } from '@watchpost/core/runtime';
import { parseApiConfig } from './config.js';
import { startApi } from './start-api.js';

async function main(): Promise<void> {
  const services = parseDistributedServices(process.env, 'api');
  const config = parseApiConfig(process.env, 'distributed');
  const logger = pino({ level: config.logLevel, base: { role: 'api' } });
  const kit = createDistributedAdapterKit(services, { role: 'api', logger });

  const api = await startApi({
    db: await kit.database(),
    socketAdapter: kit.socketAdapter(),
    probes: kit.healthProbes(),
    changeBus: kit.changeBus(),
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
    await kit.close();
  });
}

main().catch(exitOnStartupError);
