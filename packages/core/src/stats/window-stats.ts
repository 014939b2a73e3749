export interface WindowStats {
  up: number;
  down: number;
  pingSum: number;
  pingCount: number;
}

export interface MonitorRef {
  monitorId: number;
  tenantId: number;
}

/**
 * Uptime ratio 0..1. With no samples in the window Kuma falls back to the monitor's own
 * status (docs/protocol/monitoring.md#uptime): 1 when it is up, else 0.
 */
export function uptimeRatio(stats: WindowStats | undefined, currentlyUp: boolean): number {
  const total = (stats?.up ?? 0) + (stats?.down ?? 0);
  if (total === 0) return currentlyUp ? 1 : 0;
  return (stats?.up ?? 0) / total;
}

/** Average ping truncated to an integer, null without samples (docs/protocol/monitoring.md#average-ping). */
export function averagePing(stats: WindowStats | undefined): number | null {
  if (!stats || stats.pingCount === 0) return null;
  return Math.trunc(stats.pingSum / stats.pingCount);
}
