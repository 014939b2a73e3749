import { pino } from 'pino';
import { parseDistributedServices } from '@watchpost/core';
import { configureSecrets } from '@watchpost/core/db';
import { createDistributedAdapterKit } from '@watchpost/core/compose';
import { parseEgressPolicy } from '@watchpost/core/egress';
import { createOperatorRegistry, serveOperatorMetrics } from '@watchpost/core/operator-metrics';
import { exitOnStartupError, stopOnSignals } from '@watchpost/core/runtime';
import { parseDomainVerification } from '@watchpost/core/services';
import { parseApiConfig } from './config.js';
import { startApi } from './start-api.js';

async function main(): Promise<void> {
  const services = parseDistributedServices(process.env, 'api');
  await configureSecrets(process.env, { kind: 'postgres', databaseUrl: services.databaseUrl });
  const config = parseApiConfig(process.env, 'distributed');
  const logger = pino({ level: config.logLevel, base: { role: 'api' } });
  const kit = createDistributedAdapterKit(services, { role: 'api', logger });
  // Served first: while the node waits for the database, its operator port says live, not
  // ready (the API's own port opens once it can serve). The API has no families of its own
  // yet: its registry holds Node's process metrics.
  const operatorMetrics = await serveOperatorMetrics(createOperatorRegistry(), {
    listen: config.operatorMetrics,
    logger,
    probes: kit.healthProbes(),
  });

  const api = await startApi({
    db: await kit.database(),
    socketAdapter: kit.socketAdapter(),
    watchTenants: (rooms) => kit.watchTenants(rooms),
    probes: kit.healthProbes(),
    changeBus: kit.changeBus(),
    logger,
    config,
    egress: parseEgressPolicy(process.env, 'distributed'),
    domainVerification: parseDomainVerification(process.env, 'distributed'),
  });
  logger.info(`Watchpost API listening on http://${config.host}:${api.port}`);

  stopOnSignals(logger, async () => {
    await operatorMetrics.close();
    await api.close();
    await kit.close();
  });
}

main().catch(exitOnStartupError);
