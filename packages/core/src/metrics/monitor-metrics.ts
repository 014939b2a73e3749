import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { monitorTagsOf } from '../tags/tag-repository.js';

/** A tag on a monitor, as it becomes a metrics label (name → label, value → label value). */
export interface MonitorMetricsTag {
  name: string;
  value: string | null;
}

/** What `/metrics` shows for one monitor (docs/protocol/http.md#prometheus-metrics): its labels and latest facts. */
export interface MonitorMetrics {
  id: number;
  name: string;
  type: string;
  url: string | null;
  hostname: string | null;
  port: number | null;
  /** Status of the latest beat. */
  status: number;
  /** Ping of the latest beat; null when it had none. */
  pingMs: number | null;
  /** Latest certificate facts; null for a monitor that never captured any. */
  tls: { valid: boolean; daysRemaining: number | null } | null;
  tags: readonly MonitorMetricsTag[];
}

/** Finds the tags of every monitor of a tenant, by monitor id. */
export type MonitorTagLoader = (
  db: Kysely<Database>,
  tenantId: number,
) => Promise<ReadonlyMap<number, readonly MonitorMetricsTag[]>>;

/**
 * The tenant's tags of every monitor, read on each scrape with the same one query the
 * monitor list uses, so labels follow tag changes on the next scrape with no restart
 * (unlike upstream, which fixes label names at start).
 */
export const loadMonitorTagsForMetrics: MonitorTagLoader = monitorTagsOf;

// The monitor's own labels come back under their domain names; the beat and TLS facts are
// reshaped below.
interface MetricsQueryRow extends Pick<
  MonitorMetrics,
  'id' | 'name' | 'type' | 'url' | 'hostname' | 'port' | 'status'
> {
  last_ping: number | null;
  has_tls: boolean;
  tls_valid: boolean | null;
  days_remaining: number | null;
}

/**
 * Every monitor of the tenant that runs and has at least one beat, with its latest beat's
 * status and ping and its latest TLS facts, read from the shared state rows so any API node
 * serves any scrape. One query: no per-monitor round trips and no heartbeat scan
 * (architecture rule 8), and the certificate facts come from two generated columns, so the stored
 * chains are not even unpacked. A monitor under a paused group does not run (docs/protocol/monitoring.md#group-monitors), so it shows no series,
 * like a paused monitor upstream.
 */
export async function listMonitorMetrics(
  db: Kysely<Database>,
  tenantId: number,
  loadTags: MonitorTagLoader = loadMonitorTagsForMetrics,
): Promise<MonitorMetrics[]> {
  const [{ rows }, tags] = await Promise.all([
    sql<MetricsQueryRow>`
      WITH RECURSIVE stopped(id) AS (
        SELECT id FROM monitors WHERE tenant_id = ${tenantId} AND NOT active
        UNION
        SELECT c.id FROM monitors c JOIN stopped s ON c.parent = s.id
        WHERE c.tenant_id = ${tenantId}
      )
      SELECT m.id, m.name, m.type, m.url, m.hostname, m.port, st.status, st.last_ping,
             st.tls_info IS NOT NULL AS has_tls,
             st.cert_valid AS tls_valid,
             st.cert_days_remaining AS days_remaining
      FROM monitors m
      JOIN monitor_state st ON st.monitor_id = m.id AND st.tenant_id = m.tenant_id
      WHERE m.tenant_id = ${tenantId}
        AND st.status IS NOT NULL
        AND m.id NOT IN (SELECT id FROM stopped)
      ORDER BY m.id
    `.execute(db),
    loadTags(db, tenantId),
  ]);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    type: row.type,
    url: row.url,
    hostname: row.hostname,
    port: row.port,
    status: row.status,
    pingMs: row.last_ping,
    tls: row.has_tls ? { valid: row.tls_valid === true, daysRemaining: row.days_remaining } : null,
    tags: tags.get(row.id) ?? [],
  }));
}
