import type { Kysely } from 'kysely';
import type { TlsInfo } from '../checks/tls-info.js';
import type { Database } from '../db/database.js';
import { isMonitorStatus, type MonitorStatus } from '../monitors/monitor-status.js';

/** What a badge may show of a monitor whose owner made it public. */
export interface PublicBadgeMonitor {
  monitorId: number;
  tenantId: number;
  /** Status of the latest beat; null before the first one. */
  status: MonitorStatus | null;
  /** Ping of the latest beat in ms; null when it measured none. */
  lastPing: number | null;
  /** Latest certificate facts; null when no TLS check has stored any. */
  tls: TlsInfo | null;
}

/**
 * The monitor behind a badge URL, or undefined unless it is public — the single place that
 * decides what "public" means for badges. A badge URL carries no tenant, so unlike every
 * other read this one is not scoped by tenant (architecture rule 1): it may only reveal rows their
 * owner published, and callers must answer "private" and "missing" identically so ids
 * cannot be probed.
 *
 * Public is the per-monitor `badges_public` switch, or membership of a group of a published
 * status page of the monitor's own tenant (Kuma's rule, docs/protocol/http.md#badges), so every badge route
 * follows both at once.
 */
export async function findPublicBadgeMonitor(
  db: Kysely<Database>,
  monitorId: number,
): Promise<PublicBadgeMonitor | undefined> {
  const row = await db
    .selectFrom('monitors as m')
    .leftJoin('monitor_state as s', 's.monitor_id', 'm.id')
    .select(['m.id', 'm.tenant_id', 's.status', 's.last_ping', 's.tls_info'])
    .where('m.id', '=', monitorId)
    .where((eb) =>
      eb.or([
        eb('m.badges_public', '=', true),
        eb.exists(
          eb
            .selectFrom('status_page_monitors as spm')
            .innerJoin('status_page_groups as g', 'g.id', 'spm.group_id')
            .innerJoin('status_pages as p', 'p.id', 'g.status_page_id')
            .select('spm.monitor_id')
            .whereRef('spm.monitor_id', '=', 'm.id')
            .whereRef('p.tenant_id', '=', 'm.tenant_id')
            .where('p.published', '=', true),
        ),
      ]),
    )
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    monitorId: row.id,
    tenantId: row.tenant_id,
    status: isMonitorStatus(row.status) ? row.status : null,
    lastPing: row.last_ping ?? null,
    tls: asTlsInfo(row.tls_info),
  };
}

// The column is jsonb written by workers; a row from an older or broken writer must turn
// into "no certificate" rather than a crash while rendering.
function asTlsInfo(value: unknown): TlsInfo | null {
  if (typeof value !== 'object' || value === null) return null;
  const { valid, certInfo } = value as { valid?: unknown; certInfo?: unknown };
  if (typeof valid !== 'boolean' || typeof certInfo !== 'object' || certInfo === null) {
    return null;
  }
  const { daysRemaining, validTo } = certInfo as { daysRemaining?: unknown; validTo?: unknown };
  if (typeof daysRemaining !== 'number' || typeof validTo !== 'string') return null;
  return value as TlsInfo;
}
