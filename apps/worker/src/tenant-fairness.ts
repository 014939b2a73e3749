import type { CheckJob } from '@watchpost/core/queue';
import type { CheckDisposition } from './check-processor.js';

export interface TenantFairnessOptions {
  /** The cap of a tenant without one of its own (TENANT_MAX_CHECKS_IN_FLIGHT); null: none. */
  defaultLimit: number | null;
  /** The caps tenants have of their own (`admin set-tenant-limits`). */
  loadLimits(tenantIds: number[]): Promise<Map<number, number>>;
  now(): number;
}

// A changed cap reaches every worker within this long without a query per job.
const LIMIT_CACHE_MS = 30_000;
// How far a check over its tenant's cap moves back. Long enough that a tenant with hundreds
// of checks stuck on slow targets costs the queue a few checks a tick, short enough that a
// tenant that only bursts past its cap is barely late. A deferred check costs no queue job of
// its own (checks travel in batches): letting go of its monitor and one due-set write, then
// a place in a later claim's batch.
const DEFER_MS = 2_000;
// Spread, so the deferred checks of one tenant do not come back in one burst.
const DEFER_SPREAD_MS = 1_000;

/**
 * Per-tenant checks in flight on this worker (architecture rule 13). A check whose tenant is
 * at its cap does not wait in a slot (which would starve every other tenant just the same):
 * it gives its slot back at once and its monitor is due again a moment later.
 */
export function createTenantFairness(options: TenantFairnessOptions) {
  const inFlight = new Map<number, number>();
  const limits = new Map<number, { limit: number | null; expiresAt: number }>();
  const loading = new Map<number, Promise<number | null>>();

  async function limitOf(tenantId: number): Promise<number | null> {
    const cached = limits.get(tenantId);
    if (cached && cached.expiresAt > options.now()) return cached.limit;
    let pending = loading.get(tenantId);
    if (!pending) {
      pending = options
        .loadLimits([tenantId])
        .then((own) => {
          const limit = own.get(tenantId) ?? options.defaultLimit;
          limits.set(tenantId, { limit, expiresAt: options.now() + LIMIT_CACHE_MS });
          return limit;
        })
        .finally(() => loading.delete(tenantId));
      loading.set(tenantId, pending);
    }
    return pending;
  }

  return {
    /** Takes one of the tenant's places, or answers false when it has none left. */
    async tryAcquire(tenantId: number): Promise<boolean> {
      const limit = await limitOf(tenantId);
      const running = inFlight.get(tenantId) ?? 0;
      if (limit !== null && running >= limit) return false;
      inFlight.set(tenantId, running + 1);
      return true;
    },
    release(tenantId: number): void {
      const running = (inFlight.get(tenantId) ?? 1) - 1;
      if (running > 0) inFlight.set(tenantId, running);
      else inFlight.delete(tenantId);
    },
    /** The job's monitor, due again shortly (its slot is not spent: nothing ran). */
    defer(job: CheckJob): CheckDisposition {
      const spread = (job.monitorId * 7919) % DEFER_SPREAD_MS;
      return {
        kind: 'reschedule',
        monitorId: job.monitorId,
        tenantId: job.tenantId,
        dueAt: options.now() + DEFER_MS + spread,
      };
    },
  };
}

export type TenantFairness = ReturnType<typeof createTenantFairness>;
