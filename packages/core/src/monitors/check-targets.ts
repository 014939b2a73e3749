import { sql, type Kysely } from 'kysely';
import type { Database, MonitorRow } from '../db/database.js';
import type { CheckProxy } from '../proxies/check-proxy.js';
import { toMonitor } from './monitor-repository.js';
import type { Monitor } from './monitor.js';
import { isMonitorStatus } from './monitor-status.js';
import { PASSWORD_FIELD } from '../proxies/proxy-repository.js';
import { openText } from '../secrets/secret-store.js';
import type { MonitorRuntimeState } from './state-machine.js';

// What the scheduler and the workers read. A monitor runs only while it and every group
// above it are active: pausing a group pauses its whole subtree (docs/protocol/monitoring.md#group-monitors).

// Deeper group chains than this are not a real configuration; the bound keeps a corrupted
// parent chain from recursing without end.
const MAX_GROUP_DEPTH = 64;

export interface CheckTarget {
  monitor: Monitor;
  state: MonitorRuntimeState;
  /** False when the monitor or one of its ancestor groups is paused. */
  effectivelyActive: boolean;
  /** When the check after the last one is due; null for a monitor (re)started since. */
  nextDueAt: Date | null;
  /**
   * The monitor's proxy when it names an active one of its own tenant; null means a direct
   * request (upstream also goes direct when the proxy is inactive or gone).
   */
  proxy: CheckProxy | null;
}

/**
 * What a check needs that changes only when someone edits the monitor (or pauses a group
 * above it): what a worker may keep between checks.
 */
export interface CheckConfig {
  monitor: Monitor;
  effectivelyActive: boolean;
  /** The monitor row's version; any update of the row changes it. */
  version: string;
}

/**
 * What changes with every check (the state the last beat left) or lives in other rows the
 * monitor only points at (its proxy), read fresh for each batch of checks.
 */
export interface CheckRuntime {
  /** The monitor row's version as of this read, to tell whether a kept config is current. */
  version: string;
  state: MonitorRuntimeState;
  nextDueAt: Date | null;
  proxy: CheckProxy | null;
}

type CheckRef = { monitorId: number; tenantId: number };

/**
 * Loads monitors with their runtime state for a batch of check jobs. Each ref carries its
 * tenant, so a job can only ever load its own tenant's monitor.
 */
export async function loadCheckTargets(
  db: Kysely<Database>,
  refs: readonly CheckRef[],
): Promise<Map<number, CheckTarget>> {
  const configs = await loadCheckConfigs(db, refs);
  const runtimes = await loadCheckRuntimes(db, refs);
  const targets = new Map<number, CheckTarget>();
  for (const [id, config] of configs) {
    const runtime = runtimes.get(id);
    if (runtime) targets.set(id, combineCheckTarget(config, runtime));
  }
  return targets;
}

export function combineCheckTarget(config: CheckConfig, runtime: CheckRuntime): CheckTarget {
  return {
    monitor: config.monitor,
    state: runtime.state,
    effectivelyActive: config.effectivelyActive,
    nextDueAt: runtime.nextDueAt,
    proxy: runtime.proxy,
  };
}

/** The monitors of a batch of check jobs with their effective activity, in one query. */
export async function loadCheckConfigs(
  db: Kysely<Database>,
  refs: readonly CheckRef[],
): Promise<Map<number, CheckConfig>> {
  const configs = new Map<number, CheckConfig>();
  if (refs.length === 0) return configs;
  const { rows } = await sql<MonitorRow & { version: string; paused_ancestor: boolean }>`
    SELECT m.*, m.xmin::text AS version,
           EXISTS (
             WITH RECURSIVE up(id, depth) AS (
               SELECT m.parent, 1
               UNION ALL
               SELECT p.parent, up.depth + 1 FROM up JOIN monitors p ON p.id = up.id
               WHERE up.depth < ${MAX_GROUP_DEPTH}
             )
             SELECT 1 FROM up JOIN monitors a ON a.id = up.id WHERE NOT a.active
           ) AS paused_ancestor
    FROM unnest(${refs.map((r) => r.monitorId)}::int[], ${refs.map((r) => r.tenantId)}::int[])
      AS ref(monitor_id, tenant_id)
    JOIN monitors m ON m.id = ref.monitor_id AND m.tenant_id = ref.tenant_id
  `.execute(db);
  for (const row of rows) {
    configs.set(row.id, {
      monitor: toMonitor(row),
      effectivelyActive: row.active && !row.paused_ancestor,
      version: row.version,
    });
  }
  return configs;
}

/**
 * The runtime half of a batch of check targets in one query: primary-key lookups only, so
 * its cost per check stays flat. A monitor gone from its tenant is absent from the map.
 */
export async function loadCheckRuntimes(
  db: Kysely<Database>,
  refs: readonly CheckRef[],
): Promise<Map<number, CheckRuntime>> {
  const runtimes = new Map<number, CheckRuntime>();
  if (refs.length === 0) return runtimes;
  const { rows } = await sql<
    {
      id: number;
      version: string;
      state_status: number | null;
      state_retries: number | null;
      state_down_count: number | null;
      state_last_beat_at: Date | null;
      state_next_due_at: Date | null;
    } & ProxyColumns
  >`
    SELECT m.id, m.xmin::text AS version, s.status AS state_status,
           s.retries AS state_retries, s.down_count AS state_down_count,
           s.last_beat_at AS state_last_beat_at, s.next_due_at AS state_next_due_at,
           p.protocol AS proxy_protocol, p.host AS proxy_host, p.port AS proxy_port,
           p.auth AS proxy_auth, p.username AS proxy_username, p.password AS proxy_password
    FROM unnest(${refs.map((r) => r.monitorId)}::int[], ${refs.map((r) => r.tenantId)}::int[])
      AS ref(monitor_id, tenant_id)
    JOIN monitors m ON m.id = ref.monitor_id AND m.tenant_id = ref.tenant_id
    LEFT JOIN monitor_state s ON s.monitor_id = m.id
    -- Same tenant only: another tenant's proxy id must never route this monitor's requests.
    LEFT JOIN proxies p ON p.id = m.proxy_id AND p.tenant_id = m.tenant_id AND p.active
  `.execute(db);
  for (const row of rows) {
    runtimes.set(row.id, {
      version: row.version,
      state: {
        status: isMonitorStatus(row.state_status) ? row.state_status : null,
        retries: row.state_retries ?? 0,
        downCount: row.state_down_count ?? 0,
        lastBeatAt: row.state_last_beat_at ?? null,
      },
      nextDueAt: row.state_next_due_at,
      proxy: toCheckProxy(row),
    });
  }
  return runtimes;
}

/** The monitor's proxy, LEFT JOINed: all null when it has none (or an inactive one). */
interface ProxyColumns {
  proxy_protocol: string | null;
  proxy_host: string | null;
  proxy_port: number | null;
  proxy_auth: boolean | null;
  proxy_username: string | null;
  proxy_password: string | null;
}

function toCheckProxy(row: ProxyColumns): CheckProxy | null {
  if (row.proxy_protocol === null || row.proxy_host === null || row.proxy_port === null) {
    return null;
  }
  return {
    protocol: row.proxy_protocol,
    host: row.proxy_host,
    port: row.proxy_port,
    auth: row.proxy_auth === true,
    username: row.proxy_username,
    password: openText(PASSWORD_FIELD, row.proxy_password),
  };
}

export interface SchedulableMonitor {
  monitorId: number;
  tenantId: number;
  interval: number;
}

/**
 * Every effectively active monitor of every tenant, with only what scheduling needs. The
 * one deliberately cross-tenant read: the scheduler serves all tenants and sees no settings.
 */
export async function listSchedulableMonitors(db: Kysely<Database>): Promise<SchedulableMonitor[]> {
  const { rows } = await sql<{ id: number; tenant_id: number; check_interval: number }>`
    WITH RECURSIVE live(id, tenant_id, check_interval, depth) AS (
      SELECT id, tenant_id, check_interval, 1 FROM monitors WHERE parent IS NULL AND active
      UNION ALL
      SELECT m.id, m.tenant_id, m.check_interval, live.depth + 1
      FROM monitors m JOIN live ON m.parent = live.id
      WHERE m.active AND live.depth < ${MAX_GROUP_DEPTH}
    )
    SELECT id, tenant_id, check_interval FROM live
  `.execute(db);
  return rows.map((r) => ({ monitorId: r.id, tenantId: r.tenant_id, interval: r.check_interval }));
}

/** The check interval (seconds) of each monitor, in its own tenant only; absent when gone. */
export async function findCheckIntervals(
  db: Kysely<Database>,
  refs: readonly CheckRef[],
): Promise<Map<number, number>> {
  if (refs.length === 0) return new Map();
  const { rows } = await sql<{ id: number; check_interval: number }>`
    SELECT m.id, m.check_interval
    FROM unnest(${refs.map((r) => r.monitorId)}::int[], ${refs.map((r) => r.tenantId)}::int[])
      AS ref(monitor_id, tenant_id)
    JOIN monitors m ON m.id = ref.monitor_id AND m.tenant_id = ref.tenant_id
  `.execute(db);
  return new Map(rows.map((r) => [r.id, r.check_interval]));
}
