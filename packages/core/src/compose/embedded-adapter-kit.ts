import { createInProcessDeliveryQueue } from '../queue/delivery-queues.js';
import { createInProcessCheckQueue } from '../queue/in-process-check-queue.js';
import { createMemoryDueSet } from '../queue/memory-due-set.js';
import { createMemoryChangeBus } from '../changes/memory-change-bus.js';
import { concurrencyOf, type AdapterKit, type AdapterKitOptions } from './adapter-kit.js';
import { closeKitResources, noKitResources, track, trackDatabase } from './kit-resources.js';
import { databaseProbes } from './database-probes.js';
import { readBuildSchemaVersion } from '../db/schema-version.js';
import { lazily } from './lazily.js';
import { openRoleDatabase } from './open-role-database.js';
import { createLocalTenantWatch } from '../realtime/tenant-watch.js';

/** One machine: PGlite in `dataDir`, queues and bus in process memory, nothing to connect to. */
export function createEmbeddedAdapterKit(dataDir: string, options: AdapterKitOptions): AdapterKit {
  const { logger } = options;
  const opened = noKitResources();
  const database = lazily(() => {
    return trackDatabase(
      opened,
      openRoleDatabase({ kind: 'pglite', dataDir }, options.role, logger),
    );
  });
  // Producer and consumer are one object: a queue in memory is consumed where it is filled.
  const checks = lazily(() =>
    track(
      opened.consumers,
      createInProcessCheckQueue({
        concurrency: concurrencyOf(options, 'checks'),
        onError: (err) => logger.error({ err }, 'check queue listener failed'),
      }),
    ),
  );
  // Deliveries left pending by a stop are rows in the data directory: the first sweep after
  // the next start queues them again.
  const deliveries = lazily(() =>
    track(
      opened.consumers,
      createInProcessDeliveryQueue({
        concurrency: concurrencyOf(options, 'notifications'),
        onError: (err) => logger.error({ err }, 'notification queue listener failed'),
      }),
    ),
  );
  return {
    database,
    dueSet: lazily(createMemoryDueSet),
    checkQueue: checks,
    checkConsumer: checks,
    deliveryQueue: deliveries,
    deliveryConsumer: deliveries,
    changeBus: lazily(createMemoryChangeBus),
    socketAdapter: () => undefined,
    watchTenants: (rooms) => ({ watch: createLocalTenantWatch(rooms), stop: () => undefined }),
    healthProbes: () => databaseProbes(() => opened.openDatabase, readBuildSchemaVersion()),
    close: () => closeKitResources(opened),
  };
}
