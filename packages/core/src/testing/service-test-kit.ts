import type { Kysely } from 'kysely';
import { pino } from 'pino';
import type { ChangeBus, MonitorChange } from '../changes/change-bus.js';
import { ALLOW_PRIVATE } from '../egress/egress-policy.js';
import { VERIFY_DOMAINS_AT_ONCE } from '../status-pages/domain-verification.js';
import type { Database } from '../db/database.js';
import {
  serviceContext,
  type ServiceContext,
  type ServicePorts,
} from '../services/service-context.js';
import { createTenantWithAdmin } from '../tenants/tenant-repository.js';

/** One push a service made, with the tenant whose room it went to. */
export interface RecordedPush {
  tenantId: number;
  event: string;
  args: unknown[];
}

/**
 * The ports of the service layer as a test wants them: the real database, and every push and
 * change a service publishes recorded in order (synchronously, so a test reads them as soon as
 * the service returns), for services called as any transport calls them.
 */
export interface ServiceTestKit {
  ports: ServicePorts;
  pushes: RecordedPush[];
  monitorChanges: MonitorChange[];
  /** The tenant ids of status-page changes. */
  pageChanges: number[];
  /** Forgets the pushes recorded so far (the changes stay). */
  clearPushes(): void;
  /** The pushes so far as `{tenantId, event}`, for tests that check only where each went. */
  pushedEvents(): { tenantId: number; event: string }[];
  /** A new tenant with an admin, and the context of a call made as that admin. */
  tenantContext(name: string, options?: { passwordHash?: string }): Promise<ServiceContext>;
}

export function createServiceTestKit(db: Kysely<Database>): ServiceTestKit {
  const pushes: RecordedPush[] = [];
  const monitorChanges: MonitorChange[] = [];
  const pageChanges: number[] = [];
  const changeBus: ChangeBus = {
    publish: async (change) => void monitorChanges.push(change),
    subscribe: async () => undefined,
    publishStatusPageChange: async (change) => void pageChanges.push(change.tenantId),
    subscribeStatusPageChanges: async () => undefined,
  };
  const ports: ServicePorts = {
    db,
    events: {
      emit(tenantId, event, ...args) {
        pushes.push({ tenantId, event, args });
      },
    },
    changeBus,
    logger: pino({ level: 'silent' }),
    minIntervalSeconds: 20,
    // Tests talk to servers on loopback, as an embedded deployment may.
    egress: ALLOW_PRIVATE,
    domainVerification: VERIFY_DOMAINS_AT_ONCE,
  };
  return {
    ports,
    pushes,
    monitorChanges,
    pageChanges,
    clearPushes() {
      pushes.length = 0;
    },
    pushedEvents() {
      return pushes.map(({ tenantId, event }) => ({ tenantId, event }));
    },
    async tenantContext(name, { passwordHash = 'x' } = {}) {
      const scope = await createTenantWithAdmin(db, { name, username: name, passwordHash });
      return serviceContext(ports, scope);
    },
  };
}
