// The changes every process must hear about at once: monitors for the schedulers and the
// badge caches, status pages for the public-page caches. Redis pub/sub in distributed mode,
// in process memory in embedded mode.

/** A monitor was created, edited, paused, resumed or deleted. */
export interface MonitorChange {
  kind: 'upsert' | 'remove';
  monitorId: number;
  tenantId: number;
}

/**
 * What a tenant's public status pages show changed without any monitor changing: a page was
 * saved or deleted, an incident posted or unpinned, a maintenance window edited. Every API
 * node drops its cached public pages on it.
 */
export interface StatusPageChange {
  tenantId: number;
}

/**
 * Changes every process must hear about at once. Status-page changes travel apart from
 * monitor changes, so the scheduler, which acts only on monitors, never sees them.
 */
export interface ChangeBus {
  publish(change: MonitorChange): Promise<void>;
  subscribe(handler: (change: MonitorChange) => void): Promise<void>;
  publishStatusPageChange(change: StatusPageChange): Promise<void>;
  subscribeStatusPageChanges(handler: (change: StatusPageChange) => void): Promise<void>;
}
