/**
 * What one tenant may use (architecture rule 13). `null` means no limit of that kind. The
 * operator sets a default for every tenant in the environment and overrides it per tenant
 * with `admin set-tenant-limits`.
 */
export interface TenantLimits {
  /** Monitors the tenant may have, paused ones included. */
  maxMonitors: number | null;
  /** The smallest check interval the tenant may choose. */
  minIntervalSeconds: number;
  /** The longest a check may wait for its target (an explicit timeout, or 80 % of the interval). */
  maxTimeoutSeconds: number | null;
  /** Checks of the tenant that one worker runs at once (the worker applies it). */
  maxChecksInFlight: number | null;
}

/** A tenant's own row: `null` takes the operator's default. */
export type StoredTenantLimits = { [K in keyof TenantLimits]: number | null };

/** The operator's defaults the API applies (the in-flight cap is the worker's own setting). */
export interface OperatorTenantLimits {
  maxMonitors: number | null;
  maxTimeoutSeconds: number | null;
}

export const NO_OPERATOR_TENANT_LIMITS: OperatorTenantLimits = {
  maxMonitors: null,
  maxTimeoutSeconds: null,
};

/** The limits that hold for a tenant: its own where it has one, else the operator's default. */
export function resolveTenantLimits(
  stored: StoredTenantLimits | undefined,
  defaults: TenantLimits,
): TenantLimits {
  return {
    maxMonitors: stored?.maxMonitors ?? defaults.maxMonitors,
    minIntervalSeconds: stored?.minIntervalSeconds ?? defaults.minIntervalSeconds,
    maxTimeoutSeconds: stored?.maxTimeoutSeconds ?? defaults.maxTimeoutSeconds,
    maxChecksInFlight: stored?.maxChecksInFlight ?? defaults.maxChecksInFlight,
  };
}

/** Why a monitor's interval or timeout is beyond the tenant's limits, or null when it is not. */
export function monitorLimitViolation(
  monitor: { interval: number; timeout: number },
  limits: Pick<TenantLimits, 'minIntervalSeconds' | 'maxTimeoutSeconds'>,
): string | null {
  if (monitor.interval < limits.minIntervalSeconds) {
    // The wording of the schema's own floor (docs/protocol/monitors.md#monitorinput).
    return `Interval cannot be less than ${limits.minIntervalSeconds} seconds`;
  }
  const max = limits.maxTimeoutSeconds;
  if (max === null) return null;
  // A timeout of 0 means 80 % of the interval (docs/protocol/monitoring.md#scheduling-retries-and-resend).
  if (monitor.timeout > 0) {
    return monitor.timeout > max ? `Timeout cannot be more than ${max} seconds` : null;
  }
  return monitor.interval * 0.8 > max
    ? `Timeout cannot be more than ${max} seconds (without a timeout a check waits 80% of its interval)`
    : null;
}

/** Why adding `adding` monitors to `existing` ones is beyond the tenant's limit, or null. */
export function monitorCountViolation(
  existing: number,
  adding: number,
  limits: Pick<TenantLimits, 'maxMonitors'>,
): string | null {
  const max = limits.maxMonitors;
  if (max === null || adding <= 0 || existing + adding <= max) return null;
  return `Monitor limit reached: this account may have at most ${max} monitors`;
}
