/** Heartbeat status codes exactly as Uptime Kuma puts them on the wire (docs/protocol/monitoring.md#statuses). */
export const DOWN = 0;
export const UP = 1;
export const PENDING = 2;
export const MAINTENANCE = 3;

export type MonitorStatus = typeof DOWN | typeof UP | typeof PENDING | typeof MAINTENANCE;

export function isMonitorStatus(value: unknown): value is MonitorStatus {
  return value === DOWN || value === UP || value === PENDING || value === MAINTENANCE;
}
