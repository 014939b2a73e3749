import type { Kysely } from 'kysely';
import type { ZodError } from 'zod';
import type { Database } from '../db/database.js';
import { inTransaction } from '../db/in-transaction.js';
import { AppError } from '../errors/app-error.js';
import { monitorInputSchema } from '../monitors/monitor-input.js';
import * as monitorRepository from '../monitors/monitor-repository.js';
import { notificationInputSchema } from '../notifications/notification-wire.js';
import * as notificationRepository from '../notifications/notification-repository.js';
import { proxyInputSchema } from '../proxies/proxy-wire.js';
import * as proxyRepository from '../proxies/proxy-repository.js';
import { generatePushToken } from '../push/push-token.js';
import { assertRoomForMonitors } from '../tenant-limits/enforce-tenant-limits.js';
import { monitorLimitViolation, type TenantLimits } from '../tenant-limits/tenant-limits.js';
import * as tagRepository from '../tags/tag-repository.js';
import { parseJsonText, type Backup, type ImportHandle } from './backup-schema.js';
import {
  backupNotificationIdsOf,
  backupProxyIdOf,
  isBackupMonitorActive,
  toMonitorPayload,
} from './backup-monitor.js';
import { compareVersions } from './backup-version.js';
import { linkBackupTags } from './import-tags.js';

export interface RestoreBackupOptions {
  tenantId: number;
  /** The importing user: creator of the new notifications and proxies. */
  userId: number;
  mode: ImportHandle;
  /** The tenant's limits, as `add` applies them (architecture rule 13). */
  limits: TenantLimits;
}

export interface RestoreBackupResult {
  /** Monitors `overwrite` deleted, ascending. */
  deletedMonitorIds: number[];
  /** Monitors created, in backup order, with whether they were started. */
  importedMonitors: { id: number; active: boolean }[];
  /** Whether the tenant's proxy list changed. */
  proxiesChanged: boolean;
}

/** Backups from this version on carry `retryInterval` and `tags` (docs/protocol/settings.md). */
const TAGS_AND_RETRY_SINCE = '1.7.0';

/**
 * The writes of `uploadBackup` (docs/protocol/settings.md) for one tenant, as one transaction: it all happens or, on any
 * bad entry, nothing does. Watchpost decisions where upstream is single-tenant:
 *
 * - `overwrite` empties only this tenant's monitors (and whatever deleting a monitor
 *   cascades to: beats, state and TLS info, links to notifications, tags, status pages and
 *   maintenance), notifications, tags and proxies. Users, settings, API keys, status pages
 *   and maintenance stay.
 * - Ids in the backup are the old instance's. Notification and proxy references are mapped
 *   to the rows this import created or matched; a reference to anything else is dropped, so
 *   a backup can never link or change another tenant's row (upstream copied them verbatim).
 * - Names are compared exactly where upstream tests whether the name occurs as a substring
 *   of the JSON text of all names (which made "Mail" match an existing "Mail 2").
 */
export async function restoreBackup(
  db: Kysely<Database>,
  backup: Backup,
  options: RestoreBackupOptions,
): Promise<RestoreBackupResult> {
  const { tenantId, mode } = options;
  return inTransaction(db, async (trx) => {
    const deletedMonitorIds = mode === 'overwrite' ? await clearTenant(trx, tenantId) : [];
    const notificationIds = await importNotifications(trx, backup, options);
    const proxyIds = await importProxies(trx, backup, options);
    const importedMonitors = await importMonitors(trx, backup, options, {
      notificationIds,
      proxyIds,
    });
    const proxiesChanged = mode === 'overwrite' || backup.proxyList.length > 0;
    return { deletedMonitorIds, importedMonitors, proxiesChanged };
  });
}

async function clearTenant(trx: Kysely<Database>, tenantId: number): Promise<number[]> {
  const deleted = await monitorRepository.deleteAllMonitors(trx, tenantId);
  await notificationRepository.deleteAllNotifications(trx, tenantId);
  await tagRepository.deleteAllTags(trx, tenantId);
  await proxyRepository.deleteAllProxies(trx, tenantId);
  return deleted;
}

/** Backup notification id → the id of the tenant's notification it became (or matched). */
async function importNotifications(
  trx: Kysely<Database>,
  backup: Backup,
  { tenantId, userId, mode }: RestoreBackupOptions,
): Promise<Map<number, number>> {
  const ids = new Map<number, number>();
  // Taken once before the loop, as upstream: two same-named entries of one backup both land.
  const existing = new Map<string, number>();
  for (const n of await notificationRepository.listNotifications(trx, tenantId)) {
    if (!existing.has(n.name)) existing.set(n.name, n.id);
  }
  for (const [index, entry] of backup.notificationList.entries()) {
    const input = parseNotification(entry.config, entry.name, index);
    const match = existing.get(entry.name ?? input.name);
    let id: number;
    if (mode === 'skip' && match !== undefined) {
      // Its monitors link the notification that is already there instead.
      id = match;
    } else {
      // A stored `applyExisting` must not relink the tenant's other monitors on import: the
      // backup's own notificationIDList lists the links.
      const saved = await notificationRepository.createNotification(trx, tenantId, userId, {
        ...input,
        applyExisting: false,
      });
      id = saved.id;
    }
    if (entry.id !== null) ids.set(entry.id, id);
  }
  return ids;
}

function parseNotification(config: string, entryName: string | null, index: number) {
  const where = `notification ${index + 1} of the backup`;
  let parsed: unknown;
  try {
    parsed = parseJsonText(config);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('invalid-input', `Invalid backup: ${where} has a config that is not JSON.`);
  }
  // Upstream saves the config object as it is; the entry's name fills in a missing one.
  const withName =
    typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? { name: entryName ?? undefined, ...parsed }
      : parsed;
  const result = notificationInputSchema.safeParse(withName);
  if (result.success) return result.data;
  throw new AppError('invalid-input', `Invalid backup: ${where}: ${firstMessage(result.error)}`);
}

/**
 * Backup proxy id → the tenant's proxy it updated or became. Proxy ids are global in
 * Watchpost, so an id updates only this tenant's own proxy of that id; any other id (none in
 * `overwrite`) makes a new proxy, never an abort (docs/protocol/compatibility.md#backup-proxies-in-skip-and-keep-mode). The importing user becomes
 * its creator: the backup's `userId` means nothing here.
 */
async function importProxies(
  trx: Kysely<Database>,
  backup: Backup,
  { tenantId, userId }: RestoreBackupOptions,
): Promise<Map<number, number>> {
  const ids = new Map<number, number>();
  for (const [index, entry] of backup.proxyList.entries()) {
    const parsed = proxyInputSchema.safeParse(entry);
    if (!parsed.success) {
      const msg = firstMessage(parsed.error);
      throw new AppError('invalid-input', `Invalid backup: proxy ${index + 1}: ${msg}`);
    }
    // Pointing every monitor at it is addProxy's option, not something a backup row asks.
    const input = { ...parsed.data, applyExisting: false };
    const own =
      entry.id === null ? undefined : await proxyRepository.findProxy(trx, tenantId, entry.id);
    const saved = await proxyRepository.saveProxy(
      trx,
      tenantId,
      userId,
      own ? own.id : null,
      input,
    );
    if (!saved) throw new Error('proxy vanished inside the import transaction');
    if (entry.id !== null) ids.set(entry.id, saved.id);
  }
  return ids;
}

interface IdMaps {
  notificationIds: ReadonlyMap<number, number>;
  proxyIds: ReadonlyMap<number, number>;
}

async function importMonitors(
  trx: Kysely<Database>,
  backup: Backup,
  { tenantId, mode, limits }: RestoreBackupOptions,
  maps: IdMaps,
): Promise<RestoreBackupResult['importedMonitors']> {
  const schema = monitorInputSchema(limits.minIntervalSeconds);
  const hasTagsAndRetry = compareVersions(backup.version, TAGS_AND_RETRY_SINCE) >= 0;
  // Upstream's `skip` leaves out monitors whose name exists as well (docs/protocol/settings.md names only
  // notifications; "skip existing" means both in the 1.x UI).
  const existingNames =
    mode === 'skip'
      ? new Set((await monitorRepository.listMonitors(trx, tenantId)).map((m) => m.name))
      : new Set<string>();
  const entries = [...backup.monitorList.entries()].filter(
    ([, entry]) => !(typeof entry.name === 'string' && existingNames.has(entry.name)),
  );
  const tokens = await availablePushTokens(
    trx,
    entries.map(([, entry]) => entry.pushToken),
  );
  // Every monitor is checked before the first one is written.
  const rows = entries.map(([index, entry], i) => {
    const payload = toMonitorPayload(entry, {
      hasRetryInterval: hasTagsAndRetry,
      notificationIds: mapIds(backupNotificationIdsOf(entry), maps.notificationIds),
      proxyId: mapId(backupProxyIdOf(entry), maps.proxyIds),
      pushToken: tokens[i],
    });
    const parsed = schema.safeParse(payload);
    const msg = parsed.success
      ? monitorLimitViolation(parsed.data, limits)
      : firstMessage(parsed.error);
    if (msg !== null || !parsed.success) {
      const label = typeof entry.name === 'string' ? ` ("${entry.name}")` : '';
      throw new AppError('invalid-input', `Invalid backup: monitor ${index + 1}${label}: ${msg}`);
    }
    return { input: parsed.data, active: isBackupMonitorActive(entry) };
  });
  await assertRoomForMonitors(trx, tenantId, limits, rows.length);
  const ids = await monitorRepository.insertMonitors(trx, tenantId, rows);
  if (hasTagsAndRetry) {
    const tagged = entries.map(([, entry], i) => ({ monitorId: ids[i]!, tags: entry.tags }));
    await linkBackupTags(trx, tenantId, tagged);
  }
  return ids.map((id, i) => ({ id, active: rows[i]!.active }));
}

/**
 * Each backup push token while no monitor (of any tenant: tokens are global) has it, so a
 * restored push monitor keeps its URL; a fresh one when it is taken or repeats within the
 * backup. Anything that is not a usable token is left for the monitor schema to refuse.
 */
async function availablePushTokens(
  trx: Kysely<Database>,
  sent: readonly unknown[],
): Promise<unknown[]> {
  const wanted = sent.filter((t): t is string => typeof t === 'string' && t !== '');
  const taken = await monitorRepository.findTakenPushTokens(trx, wanted);
  return sent.map((token) => {
    if (typeof token !== 'string') return token ?? null;
    if (token === '') return null;
    if (taken.has(token)) return generatePushToken();
    taken.add(token);
    return token;
  });
}

function mapIds(oldIds: readonly number[], map: ReadonlyMap<number, number>): number[] {
  return oldIds.flatMap((id) => map.get(id) ?? []);
}

function mapId(oldId: unknown, map: ReadonlyMap<number, number>): number | null {
  const id = typeof oldId === 'string' && /^\d{1,10}$/.test(oldId) ? Number(oldId) : oldId;
  return typeof id === 'number' ? (map.get(id) ?? null) : null;
}

function firstMessage(error: ZodError): string {
  return error.issues[0]?.message ?? 'invalid value';
}
