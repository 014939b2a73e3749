import { sql, type Kysely } from 'kysely';
import { inTransaction } from '../db/in-transaction.js';
import {
  deleteTenantRow,
  findTenantRow,
  listTenantRows,
  updateTenantRow,
} from '../db/tenant-owned-rows.js';
import type { Database } from '../db/database.js';
import type { TlsInfo } from '../checks/tls-info.js';
import type { MonitorRow, MonitorsTable } from './monitors.table.js';
import {
  addMonitorNotificationLinks,
  setMonitorNotifications,
} from '../notifications/notification-repository.js';
import type { GroupChild } from './group-status.js';
import type { Monitor } from './monitor.js';
import type { MonitorInput } from './monitor-input.js';
import type { AuthMethod, MonitorType } from './monitor-types.js';
import { isMonitorStatus } from './monitor-status.js';
import {
  openMonitorColumn,
  openMonitorExtra,
  sealMonitorColumn,
  sealMonitorExtra,
} from './monitor-secrets.js';

// Every function here takes the tenant scope (architecture rule 1); none reads across tenants.

export function toMonitor(row: MonitorRow): Monitor {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    name: row.name,
    description: row.description,
    type: row.type as MonitorType,
    parent: row.parent,
    active: row.active,
    interval: row.check_interval,
    retryInterval: row.retry_interval,
    resendInterval: row.resend_interval,
    maxretries: row.maxretries,
    upsideDown: row.upside_down,
    timeout: row.timeout,
    url: row.url,
    method: row.method,
    headers: openMonitorColumn('headers', row.headers),
    body: row.body,
    httpBodyEncoding: row.http_body_encoding,
    hostname: row.hostname,
    port: row.port,
    ignoreTls: row.ignore_tls,
    maxredirects: row.maxredirects,
    acceptedStatuscodes: row.accepted_statuscodes,
    keyword: row.keyword,
    invertKeyword: row.invert_keyword,
    jsonPath: row.json_path,
    expectedValue: row.expected_value,
    authMethod: row.auth_method as AuthMethod | null,
    basicAuthUser: openMonitorColumn('basic_auth_user', row.basic_auth_user),
    basicAuthPass: openMonitorColumn('basic_auth_pass', row.basic_auth_pass),
    expiryNotification: row.expiry_notification,
    pushToken: row.push_token,
    proxyId: row.proxy_id,
    dnsResolveType: row.dns_resolve_type,
    dnsResolveServer: row.dns_resolve_server,
    dnsLastResult: row.dns_last_result,
    packetSize: row.packet_size,
    weight: row.weight,
    extra: openMonitorExtra(row.extra),
    badgesPublic: row.badges_public,
    createdAt: row.created_at,
  };
}

function toColumns(input: MonitorInput) {
  return {
    name: input.name,
    description: input.description,
    type: input.type,
    parent: input.parent,
    check_interval: input.interval,
    retry_interval: input.retryInterval,
    resend_interval: input.resendInterval,
    maxretries: input.maxretries,
    upside_down: input.upsideDown,
    timeout: input.timeout,
    url: input.url,
    method: input.method,
    headers: sealMonitorColumn('headers', input.headers),
    body: input.body,
    http_body_encoding: input.httpBodyEncoding,
    hostname: input.hostname,
    port: input.port,
    ignore_tls: input.ignoreTls,
    maxredirects: input.maxredirects,
    accepted_statuscodes: JSON.stringify(input.acceptedStatuscodes),
    keyword: input.keyword,
    invert_keyword: input.invertKeyword,
    json_path: input.jsonPath,
    expected_value: input.expectedValue,
    auth_method: input.authMethod,
    basic_auth_user: sealMonitorColumn('basic_auth_user', input.basicAuthUser),
    basic_auth_pass: sealMonitorColumn('basic_auth_pass', input.basicAuthPass),
    expiry_notification: input.expiryNotification,
    push_token: input.pushToken,
    proxy_id: input.proxyId,
    dns_resolve_type: input.dnsResolveType,
    dns_resolve_server: input.dnsResolveServer,
    packet_size: input.packetSize,
    extra: JSON.stringify(sealMonitorExtra(input.extra)),
    badges_public: input.badgesPublic,
  } satisfies Partial<Record<keyof MonitorsTable, unknown>>;
}

/** The monitor, its state row and its notification links (docs/protocol/monitors.md steps 4–5), at once. */
export async function insertMonitor(
  db: Kysely<Database>,
  tenantId: number,
  input: MonitorInput,
  active: boolean,
): Promise<number> {
  return inTransaction(db, async (trx) => {
    const { id } = await trx
      .insertInto('monitors')
      .values({ ...toColumns(input), tenant_id: tenantId, active })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('monitor_state').values({ monitor_id: id, tenant_id: tenantId }).execute();
    await setMonitorNotifications(trx, tenantId, id, input.notificationIds);
    return id;
  });
}

// Rows per multi-row INSERT: ~40 columns each stays far below Postgres' 65,535 parameters.
const INSERT_CHUNK = 500;

/**
 * Many monitors at once, as `insertMonitor` stores each one (a backup import of thousands):
 * a few multi-row statements instead of several round trips per monitor. Answers the new
 * ids in input order.
 */
export async function insertMonitors(
  db: Kysely<Database>,
  tenantId: number,
  monitors: readonly { input: MonitorInput; active: boolean }[],
): Promise<number[]> {
  return inTransaction(db, async (trx) => {
    const ids: number[] = [];
    for (let i = 0; i < monitors.length; i += INSERT_CHUNK) {
      const chunk = monitors.slice(i, i + INSERT_CHUNK);
      const rows = await trx
        .insertInto('monitors')
        .values(
          chunk.map(({ input, active }) => ({ ...toColumns(input), tenant_id: tenantId, active })),
        )
        .returning('id')
        .execute();
      // Serial ids are drawn row by row in VALUES order, so ascending ids are input order
      // whatever order RETURNING lists them in.
      ids.push(...rows.map((r) => r.id).sort((a, b) => a - b));
    }
    for (let i = 0; i < ids.length; i += INSERT_CHUNK) {
      const chunk = ids.slice(i, i + INSERT_CHUNK);
      await trx
        .insertInto('monitor_state')
        .values(chunk.map((id) => ({ monitor_id: id, tenant_id: tenantId })))
        .execute();
    }
    const links = monitors.flatMap(({ input }, i) =>
      input.notificationIds.map((notificationId) => ({ monitorId: ids[i]!, notificationId })),
    );
    await addMonitorNotificationLinks(trx, tenantId, links);
    return ids;
  });
}

/** Full overwrite of the editable fields (docs/protocol/monitors.md); restarts the retry counter. */
export async function updateMonitor(
  db: Kysely<Database>,
  tenantId: number,
  id: number,
  input: MonitorInput,
): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    if (!(await updateTenantRow(trx, 'monitors', tenantId, id, toColumns(input)))) return false;
    await restartState(trx, tenantId, id);
    // Replaced like every other field: editMonitor is a full overwrite (docs/protocol/monitors.md).
    await setMonitorNotifications(trx, tenantId, id, input.notificationIds);
    // A group that stops being a group releases its children (docs/protocol/monitors.md).
    if (input.type !== 'group') {
      await trx
        .updateTable('monitors')
        .set({ parent: null })
        .where('tenant_id', '=', tenantId)
        .where('parent', '=', id)
        .execute();
    }
    return true;
  });
}

export async function findMonitor(
  db: Kysely<Database>,
  tenantId: number,
  id: number,
): Promise<Monitor | undefined> {
  const row = await findTenantRow(db, 'monitors', tenantId, id);
  return row && toMonitor(row);
}

export async function listMonitors(db: Kysely<Database>, tenantId: number): Promise<Monitor[]> {
  const rows = await listTenantRows(db, 'monitors', tenantId);
  return rows.map(toMonitor);
}

/** What the monitor list shows of a monitor, without the secrets and settings behind it. */
export interface MonitorListFields {
  id: number;
  name: string;
  type: string;
  active: boolean;
  parent: number | null;
  url: string | null;
  hostname: string | null;
  port: number | null;
}

/**
 * Every monitor's list fields, by ascending id: the dashboard's summaries need these eight
 * columns, not the whole row (listMonitors opens every sealed secret of every monitor).
 */
export async function listMonitorListFields(
  db: Kysely<Database>,
  tenantId: number,
): Promise<MonitorListFields[]> {
  return db
    .selectFrom('monitors')
    .select(['id', 'name', 'type', 'active', 'parent', 'url', 'hostname', 'port'])
    .where('tenant_id', '=', tenantId)
    .orderBy('id')
    .execute();
}

/** Pause or resume. Resuming restarts the retry counter (docs/protocol/monitoring.md#scheduling-retries-and-resend). */
export async function setMonitorActive(
  db: Kysely<Database>,
  tenantId: number,
  id: number,
  active: boolean,
): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    if (!(await updateTenantRow(trx, 'monitors', tenantId, id, { active }))) return false;
    if (active) await restartState(trx, tenantId, id);
    return true;
  });
}

/** Deletes the monitor; heartbeats, state and aggregates go with it (ON DELETE CASCADE). */
export async function deleteMonitor(
  db: Kysely<Database>,
  tenantId: number,
  id: number,
): Promise<boolean> {
  return deleteTenantRow(db, 'monitors', tenantId, id);
}

/** How many monitors the tenant has, paused ones included (the tenant's monitor limit). */
export async function countMonitors(db: Kysely<Database>, tenantId: number): Promise<number> {
  const { count } = await db
    .selectFrom('monitors')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('tenant_id', '=', tenantId)
    .executeTakeFirstOrThrow();
  return Number(count);
}

/**
 * Deletes every monitor of the tenant (a backup import's `overwrite`, docs/protocol/settings.md); beats,
 * state and TLS info, aggregates, notification and tag links, status page and maintenance
 * links go with them (ON DELETE CASCADE). Answers the deleted ids, for the scheduler.
 */
export async function deleteAllMonitors(db: Kysely<Database>, tenantId: number): Promise<number[]> {
  const rows = await db
    .deleteFrom('monitors')
    .where('tenant_id', '=', tenantId)
    .returning('id')
    .execute();
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

/**
 * Which of these push tokens some monitor, of any tenant, already has. Deliberately not
 * tenant-scoped: `/api/push/:token` finds its monitor by the token alone, so tokens are
 * unique across all tenants (the unique index `monitors_push_token_key`). Answers only
 * the tokens asked about.
 */
export async function findTakenPushTokens(
  db: Kysely<Database>,
  tokens: readonly string[],
): Promise<Set<string>> {
  if (tokens.length === 0) return new Set();
  const rows = await db
    .selectFrom('monitors')
    .select('push_token')
    .where(sql<boolean>`push_token = ANY(${[...new Set(tokens)]}::text[])`)
    .execute();
  return new Set(rows.flatMap((r) => (r.push_token === null ? [] : [r.push_token])));
}

/**
 * A (re)started monitor begins afresh (docs/protocol/monitoring.md#scheduling-retries-and-resend): its retry counter resets and its next
 * check is due now rather than on the slot the previous run chose.
 */
async function restartState(db: Kysely<Database>, tenantId: number, id: number) {
  await db
    .updateTable('monitor_state')
    .set({ retries: 0, next_due_at: null })
    .where('tenant_id', '=', tenantId)
    .where('monitor_id', '=', id)
    .execute();
}

/** What the login burst reports of a monitor's runtime state (docs/protocol/authentication.md#post-login-burst). */
export interface MonitorStateSummary {
  status: number | null;
  /** The latest beat's response time in ms. */
  lastPing: number | null;
  tlsInfo: TlsInfo | null;
}

/** Every monitor's runtime state of a tenant, by monitor id. */
export async function listMonitorStates(
  db: Kysely<Database>,
  tenantId: number,
): Promise<Map<number, MonitorStateSummary>> {
  const rows = await db
    .selectFrom('monitor_state')
    .select(['monitor_id', 'status', 'last_ping', 'tls_info'])
    .where('tenant_id', '=', tenantId)
    .execute();
  return new Map(
    rows.map((r) => [
      r.monitor_id,
      { status: r.status, lastPing: r.last_ping, tlsInfo: r.tls_info as TlsInfo | null },
    ]),
  );
}

/** One monitor's runtime state (the monitor page's statistics), or undefined before its first check. */
export async function findMonitorState(
  db: Kysely<Database>,
  tenantId: number,
  monitorId: number,
): Promise<MonitorStateSummary | undefined> {
  const row = await db
    .selectFrom('monitor_state')
    .select(['status', 'last_ping', 'tls_info'])
    .where('tenant_id', '=', tenantId)
    .where('monitor_id', '=', monitorId)
    .executeTakeFirst();
  return (
    row && { status: row.status, lastPing: row.last_ping, tlsInfo: row.tls_info as TlsInfo | null }
  );
}

/** The direct children of a group with their latest status, in one query (docs/protocol/monitoring.md#group-monitors). */
export async function listGroupChildren(
  db: Kysely<Database>,
  tenantId: number,
  groupId: number,
): Promise<GroupChild[]> {
  const rows = await db
    .selectFrom('monitors as m')
    .leftJoin('monitor_state as s', 's.monitor_id', 'm.id')
    .select(['m.active', 's.status'])
    .where('m.tenant_id', '=', tenantId)
    .where('m.parent', '=', groupId)
    .execute();
  return rows.map((r) => ({
    active: r.active,
    status: isMonitorStatus(r.status) ? r.status : null,
  }));
}

/**
 * Stores a dns monitor's latest answer (docs/protocol/monitors.md#monitor-object `dns_last_result`). Only a changed value is
 * written, as upstream does, so an unchanged answer costs no row update per check.
 */
export async function setDnsLastResult(
  db: Kysely<Database>,
  tenantId: number,
  id: number,
  result: string,
): Promise<void> {
  await db
    .updateTable('monitors')
    .set({ dns_last_result: result })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where((eb) => eb.or([eb('dns_last_result', 'is', null), eb('dns_last_result', '!=', result)]))
    .execute();
}

/** What a page of the monitor list is filtered by; every criterion is optional. */
export interface MonitorPageFilter {
  /** Only monitors whose state row has this status (0 down … 3 maintenance). */
  status?: number;
  type?: string;
  /** Only monitors with a tag of this name. */
  tag?: string;
  /** A part of the name, URL or hostname, compared case-insensitively. */
  search?: string;
  /** As the wire's `active`: the monitor and every group above it active. */
  active?: boolean;
}

/**
 * The ids of the tenant's monitors after `afterId` that match `filter`, ascending, at most
 * `limit` of them, with their status. A keyset page: the database walks (tenant_id, id) and
 * stops at the page's end, however many monitors the tenant has.
 */
export async function findMonitorPage(
  db: Kysely<Database>,
  tenantId: number,
  filter: MonitorPageFilter,
  afterId: number,
  limit: number,
): Promise<{ id: number; status: number | null }[]> {
  let query = db
    .selectFrom('monitors as m')
    .leftJoin('monitor_state as s', 's.monitor_id', 'm.id')
    .select(['m.id', 's.status'])
    .where('m.tenant_id', '=', tenantId)
    .where('m.id', '>', afterId);
  if (filter.status !== undefined) query = query.where('s.status', '=', filter.status);
  if (filter.type !== undefined) query = query.where('m.type', '=', filter.type);
  if (filter.tag !== undefined) {
    const tag = filter.tag;
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('monitor_tags as mt')
          .innerJoin('tags as t', (join) =>
            join.onRef('t.id', '=', 'mt.tag_id').onRef('t.tenant_id', '=', 'mt.tenant_id'),
          )
          .select(sql`1`.as('one'))
          .where('mt.tenant_id', '=', tenantId)
          .whereRef('mt.monitor_id', '=', 'm.id')
          .where('t.name', '=', tag),
      ),
    );
  }
  if (filter.search !== undefined) {
    // strpos, not LIKE: the search text is taken literally, `%` and `_` included.
    const part = filter.search.toLowerCase();
    query = query.where(
      sql<boolean>`(strpos(lower(m.name), ${part}) > 0
        OR strpos(lower(coalesce(m.url, '')), ${part}) > 0
        OR strpos(lower(coalesce(m.hostname, '')), ${part}) > 0)`,
    );
  }
  if (filter.active !== undefined) {
    // docs/protocol/monitors.md#monitor-object: a paused group above pauses the monitor on the
    // wire. UNION stops the walk at a cycle of parents.
    const pausedAbove = sql<boolean>`EXISTS (
      WITH RECURSIVE above AS (
        SELECT p.id, p.parent, p.active FROM monitors p
        WHERE p.tenant_id = ${tenantId} AND p.id = m.parent
        UNION
        SELECT p.id, p.parent, p.active FROM above
        JOIN monitors p ON p.tenant_id = ${tenantId} AND p.id = above.parent
      )
      SELECT 1 FROM above WHERE NOT above.active
    )`;
    query = query.where(
      filter.active
        ? sql<boolean>`(m.active AND NOT ${pausedAbove})`
        : sql<boolean>`(NOT m.active OR ${pausedAbove})`,
    );
  }
  return query.orderBy('m.id').limit(limit).execute();
}

/**
 * The monitors with these ids and every monitor above or below them in their group trees:
 * what building their wire objects needs (pathName, childrenIDs, forceInactive).
 */
export async function listMonitorsWithKin(
  db: Kysely<Database>,
  tenantId: number,
  ids: readonly number[],
): Promise<Monitor[]> {
  if (ids.length === 0) return [];
  const rows = await sql<MonitorRow>`
    WITH RECURSIVE above AS (
      SELECT id, parent FROM monitors WHERE tenant_id = ${tenantId} AND id = ANY(${ids}::int[])
      UNION
      SELECT p.id, p.parent FROM above
      JOIN monitors p ON p.tenant_id = ${tenantId} AND p.id = above.parent
    ), below AS (
      SELECT id FROM monitors WHERE tenant_id = ${tenantId} AND id = ANY(${ids}::int[])
      UNION
      SELECT c.id FROM below
      JOIN monitors c ON c.tenant_id = ${tenantId} AND c.parent = below.id
    )
    SELECT m.* FROM monitors m
    WHERE m.tenant_id = ${tenantId}
      AND m.id IN (SELECT id FROM above UNION SELECT id FROM below)
    ORDER BY m.id
  `.execute(db);
  return rows.rows.map(toMonitor);
}
