import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../db/database.js';
import type { MonitorChange, ChangeBus } from '../changes/index.js';
import type { TenantEvents } from '../realtime/tenant-events.js';
import type { OperatorTenantLimits } from '../tenant-limits/tenant-limits.js';
import type { EgressPolicy } from '../egress/egress-policy.js';
import type { DomainVerification } from '../status-pages/domain-verification.js';

/**
 * What services reach the world through. A transport builds it once per process (the API
 * node from its Socket.IO server and change bus) and adds the caller's scope per call.
 */
export interface ServicePorts {
  db: Kysely<Database>;
  /** Pushes to a tenant's sockets on every API node. */
  events: TenantEvents;
  /** Tells schedulers and API nodes what changed (see publishChange). */
  changeBus: ChangeBus;
  logger: Logger;
  /** The smallest check interval a monitor may have (MIN_INTERVAL_SECONDS). */
  minIntervalSeconds: number;
  /**
   * The operator's default limits for every tenant (TENANT_MAX_MONITORS,
   * TENANT_MAX_TIMEOUT_SECONDS); absent: none beyond `minIntervalSeconds`.
   */
  tenantLimits?: OperatorTenantLimits;
  /** What connections made for a tenant may reach: tests, probes (architecture rule 10). */
  egress: EgressPolicy;
  /** How status pages' custom domains come to route (docs/protocol/status-pages.md#custom-domains). */
  domainVerification: DomainVerification;
}

/**
 * Who a call acts for. Every read and write a service makes is scoped to `tenantId`
 * (architecture rule 1); `userId` is the login, or the user an API key belongs to.
 */
export interface TenantScope {
  tenantId: number;
  userId: number;
}

/** The first argument of every service: its ports and the caller's tenant scope. */
export type ServiceContext = ServicePorts & TenantScope;

export function serviceContext(ports: ServicePorts, scope: TenantScope): ServiceContext {
  return { ...ports, tenantId: scope.tenantId, userId: scope.userId };
}

/**
 * Not awaited: the change is already stored, so a Redis outage must neither delay nor fail
 * the reply (ioredis would hold the command until it reconnects). The scheduler's periodic
 * reconciliation with Postgres picks up a change whose message was lost.
 */
export function publishChange(ctx: ServicePorts, change: MonitorChange): void {
  ctx.changeBus.publish(change).catch((error: unknown) => {
    ctx.logger.warn({ err: error, change }, 'could not publish monitor change');
  });
}
