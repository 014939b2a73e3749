import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { primaryBaseUrlOf } from '../../settings/setting-values.js';
import { resolveTenantTimeZone } from '../../settings/tenant-time-zone.js';
import { openNotificationConfig } from '../notification-config-secret.js';
import type { DeliveryBeat } from './delivery-message.js';

// Deliveries are created by recordBeats (beats) and recordCertExpiryNotices (certificates),
// in the statements that store what they report on.

export interface DeliveryToAttempt {
  id: number;
  tenantId: number;
  monitorId: number | null;
  monitorName: string | null;
  kind: 'beat' | 'cert-expiry';
  beat: DeliveryBeat | null;
  msg: string | null;
  attempts: number;
  createdAt: Date;
  /** The notification's whole config, as its owner saved it. */
  config: Record<string, unknown>;
  /** The tenant's `primaryBaseURL` as providers take it (no trailing slash), or null. */
  baseUrl: string | null;
  /** The tenant's effective zone, which the beat's times are reported in. */
  timeZone: string;
}

/** Pending deliveries whose next attempt is due, oldest first (the sweeper's query). */
export async function listDueDeliveryIds(
  db: Kysely<Database>,
  now: Date,
  limit: number,
): Promise<number[]> {
  const rows = await db
    .selectFrom('notification_deliveries')
    .select('id')
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .orderBy('next_attempt_at')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** A pending delivery with its notification's config; undefined once it is settled. */
export async function loadPendingDelivery(
  db: Kysely<Database>,
  id: number,
): Promise<DeliveryToAttempt | undefined> {
  const row = await db
    .selectFrom('notification_deliveries as d')
    .innerJoin('notifications as n', (join) =>
      join.onRef('n.id', '=', 'd.notification_id').onRef('n.tenant_id', '=', 'd.tenant_id'),
    )
    .select([
      'd.id',
      'd.tenant_id',
      'd.monitor_id',
      'd.monitor_name',
      'd.kind',
      'd.beat',
      'd.msg',
      'd.attempts',
      'd.created_at',
      'n.config',
      // The settings come with the delivery, as two primary-key lookups in the same query.
      (eb) =>
        eb
          .selectFrom('tenant_settings as s')
          .select('s.value')
          .whereRef('s.tenant_id', '=', 'd.tenant_id')
          .where('s.key', '=', 'primaryBaseURL')
          .as('base_url'),
      (eb) =>
        eb
          .selectFrom('tenant_settings as s')
          .select('s.value')
          .whereRef('s.tenant_id', '=', 'd.tenant_id')
          .where('s.key', '=', 'serverTimezone')
          .as('server_timezone'),
    ])
    .where('d.id', '=', id)
    .where('d.status', '=', 'pending')
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    tenantId: row.tenant_id,
    monitorId: row.monitor_id,
    monitorName: row.monitor_name,
    kind: row.kind as DeliveryToAttempt['kind'],
    beat: row.beat as DeliveryBeat | null,
    msg: row.msg,
    attempts: row.attempts,
    createdAt: row.created_at,
    config: openNotificationConfig(row.config),
    baseUrl: primaryBaseUrlOf(row.base_url),
    timeZone: resolveTenantTimeZone(row.server_timezone),
  };
}

export interface AttemptRecord {
  deliveryId: number;
  tenantId: number;
  provider: string;
  attemptedAt: Date;
  durationMs: number;
  /** null when the attempt succeeded. */
  error: string | null;
  /** After a failure: when to try again, or null to give up. */
  retryAt: Date | null;
}

/** Records one attempt and settles or reschedules its delivery, in one transaction. */
export async function recordDeliveryAttempt(
  db: Kysely<Database>,
  attempt: AttemptRecord,
): Promise<void> {
  const sent = attempt.error === null;
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('notification_delivery_attempts')
      .values({
        delivery_id: attempt.deliveryId,
        tenant_id: attempt.tenantId,
        attempted_at: attempt.attemptedAt,
        provider: attempt.provider,
        outcome: sent ? 'sent' : 'failed',
        error: attempt.error,
        duration_ms: Math.round(attempt.durationMs),
      })
      .execute();
    const settled = sent || attempt.retryAt === null;
    await trx
      .updateTable('notification_deliveries')
      .set({
        attempts: sql`attempts + 1`,
        status: sent ? 'sent' : settled ? 'failed' : 'pending',
        last_error: attempt.error,
        next_attempt_at: attempt.retryAt ?? attempt.attemptedAt,
        finished_at: settled ? new Date() : null,
      })
      .where('id', '=', attempt.deliveryId)
      // An attempt that outlived its worker's lease must not reopen a delivery another
      // attempt has settled meanwhile.
      .where('status', '=', 'pending')
      .execute();
  });
}

export interface DeliveryRecord {
  id: number;
  notificationId: number;
  monitorId: number | null;
  kind: string;
  status: string;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  finishedAt: Date | null;
  tries: {
    at: Date;
    provider: string;
    outcome: string;
    error: string | null;
    durationMs: number;
  }[];
}

/** The tenant's latest deliveries with every attempt, newest first. */
export async function listRecentDeliveries(
  db: Kysely<Database>,
  tenantId: number,
  limit: number,
): Promise<DeliveryRecord[]> {
  const deliveries = await db
    .selectFrom('notification_deliveries')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  if (deliveries.length === 0) return [];
  const attempts = await db
    .selectFrom('notification_delivery_attempts')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where(
      'delivery_id',
      'in',
      deliveries.map((d) => d.id),
    )
    .orderBy('id')
    .execute();
  return deliveries.map((d) => ({
    id: d.id,
    notificationId: d.notification_id,
    monitorId: d.monitor_id,
    kind: d.kind,
    status: d.status,
    attempts: d.attempts,
    lastError: d.last_error,
    createdAt: d.created_at,
    finishedAt: d.finished_at,
    tries: attempts
      .filter((a) => a.delivery_id === d.id)
      .map((a) => ({
        at: a.attempted_at,
        provider: a.provider,
        outcome: a.outcome,
        error: a.error,
        durationMs: a.duration_ms,
      })),
  }));
}

/**
 * Writes the certificate reminders not sent before for this leaf certificate, with one
 * delivery per linked notification, in one statement. A new leaf certificate (renewal)
 * starts the history over. Answers how many deliveries were created.
 */
export async function recordCertExpiryNotices(
  db: Kysely<Database>,
  target: { tenantId: number; monitorId: number; monitorName: string; leafFingerprint: string },
  notices: readonly { days: number; msg: string }[],
): Promise<number> {
  if (notices.length === 0) return 0;
  const { tenantId, monitorId } = target;
  const { rows } = await sql<{ id: number }>`
    WITH renewed AS (
      DELETE FROM cert_expiry_notices
      WHERE monitor_id = ${monitorId} AND tenant_id = ${tenantId}
        AND fingerprint <> ${target.leafFingerprint}
    ),
    fresh AS (
      INSERT INTO cert_expiry_notices (monitor_id, tenant_id, fingerprint, days)
      SELECT ${monitorId}, ${tenantId}, ${target.leafFingerprint}, n.days
      FROM unnest(${notices.map((n) => n.days)}::int[]) AS n(days)
      JOIN monitors m ON m.id = ${monitorId} AND m.tenant_id = ${tenantId}
      ON CONFLICT DO NOTHING
      RETURNING days
    )
    INSERT INTO notification_deliveries (tenant_id, notification_id, monitor_id, monitor_name,
                                         kind, msg)
    SELECT ${tenantId}, mn.notification_id, ${monitorId}, ${target.monitorName}, 'cert-expiry',
           n.msg
    FROM fresh f
    JOIN unnest(${notices.map((n) => n.days)}::int[], ${notices.map((n) => n.msg)}::text[])
      AS n(days, msg) ON n.days = f.days
    JOIN monitor_notifications mn ON mn.monitor_id = ${monitorId} AND mn.tenant_id = ${tenantId}
    RETURNING id
  `.execute(db);
  return rows.length;
}
