import { strings } from '../strings.js';

/** Kuma's status codes (docs/protocol/monitoring.md#statuses). */
export const DOWN = 0;
export const UP = 1;
export const PENDING = 2;
export const MAINTENANCE = 3;

/** What a monitor shows as its state in the list and the header counts. */
export type DisplayStatus = 'up' | 'down' | 'pending' | 'maintenance' | 'paused' | 'unknown';

export function displayStatus(monitor: {
  active: boolean;
  maintenance: boolean;
  status: number | null;
}): DisplayStatus {
  if (!monitor.active) return 'paused';
  if (monitor.maintenance || monitor.status === MAINTENANCE) return 'maintenance';
  return beatStatus(monitor.status);
}

/** The display status of one beat's status code. */
export function beatStatus(status: number | null): DisplayStatus {
  switch (status) {
    case UP:
      return 'up';
    case DOWN:
      return 'down';
    case PENDING:
      return 'pending';
    case MAINTENANCE:
      return 'maintenance';
    default:
      return 'unknown';
  }
}

export function statusLabel(status: DisplayStatus): string {
  return strings.status[status];
}

/** An uptime ratio (0..1) as a percentage with two decimals at most: 1 → "100%", 0.99871 → "99.87%". */
export function formatUptime(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '–';
  const percent = Math.floor(Math.min(Math.max(ratio, 0), 1) * 10_000) / 100;
  return `${percent.toFixed(2).replace(/\.?0+$/, '')}%`;
}

/** A response time: "143 ms", "1.25 s" from one second on. */
export function formatPing(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '–';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(2).replace(/\.?0+$/, '')} s`;
}

/** The packed beat statuses of a summary (`"1102"`) as display statuses, oldest first. */
export function unpackBeats(packed: string): DisplayStatus[] {
  return Array.from(packed, (digit) => beatStatus(Number(digit)));
}
