import { MAINTENANCE, UP } from '@watchpost/core';

/**
 * The page's one-line verdict, from the latest status of every monitor on it, as Kuma 1.23's
 * status page decides it: any monitor in maintenance wins; otherwise all up is operational,
 * none up is degraded and a mix (PENDING counts as not up) is partially degraded. A page
 * whose monitors have no beat yet has no verdict.
 */
export type OverallStatus = 'operational' | 'partial' | 'degraded' | 'maintenance' | 'unknown';

export function overallStatus(statuses: Iterable<number | null>): OverallStatus {
  let any = false;
  let up = false;
  let notUp = false;
  for (const status of statuses) {
    if (status === null) continue;
    any = true;
    if (status === MAINTENANCE) return 'maintenance';
    if (status === UP) up = true;
    else notUp = true;
  }
  if (!any) return 'unknown';
  if (!notUp) return 'operational';
  return up ? 'partial' : 'degraded';
}

/** Kuma 1.23's words for each verdict, with an icon so colour is never the only signal. */
export const OVERALL_LOOK: Record<OverallStatus, { text: string; icon: string }> = {
  operational: { text: 'All Systems Operational', icon: '✔' },
  partial: { text: 'Partially Degraded Service', icon: '!' },
  degraded: { text: 'Degraded Service', icon: '✖' },
  maintenance: { text: 'Maintenance', icon: '🔧' },
  unknown: { text: 'No data yet', icon: '?' },
};
