import { z } from 'zod';
import { DOWN, MAINTENANCE, UP } from '@watchpost/core';
import type { PageGroup } from '@watchpost/core/db';
import type { BadgeFormat } from '../badges/badge-format.js';
import { BADGE_STYLES } from '../badges/badge-request.js';
import { NA_COLOR } from '../badges/badge-colors.js';

const color = (fallback: string) => z.string().max(64).default(fallback);

/** Query of `GET /api/status-page/:slug/badge` with upstream's defaults (docs/protocol/http.md#badges). */
export const statusPageBadgeQuerySchema = z.object({
  label: z.string().max(256).default(''),
  upColor: color('#66c20a'),
  downColor: color('#c2290a'),
  partialColor: color('#F6BE00'),
  maintenanceColor: color('#808080'),
  style: z.enum(BADGE_STYLES).default('flat'),
});
export type StatusPageBadgeQuery = z.output<typeof statusPageBadgeQuerySchema>;

/**
 * The page's overall state from each member's latest status (PENDING ignored): any
 * maintenance wins, then all up, up and down mixed, all down; nothing usable is N/A.
 */
export function statusPageBadge(
  groups: readonly PageGroup[],
  q: StatusPageBadgeQuery,
): BadgeFormat {
  const statuses = new Set(groups.flatMap((g) => g.monitors.map((m) => m.status)));
  const [message, color] = look(statuses, q);
  // badge-maker refuses a `label` key holding undefined; no label means no key.
  return { ...(q.label && { label: q.label }), message, color, style: q.style };
}

function look(statuses: ReadonlySet<number | null>, q: StatusPageBadgeQuery): [string, string] {
  if (statuses.has(MAINTENANCE)) return ['Maintenance', q.maintenanceColor];
  const up = statuses.has(UP);
  const down = statuses.has(DOWN);
  if (up && down) return ['Degraded', q.partialColor];
  if (up) return ['Up', q.upColor];
  if (down) return ['Down', q.downColor];
  return ['N/A', NA_COLOR];
}
