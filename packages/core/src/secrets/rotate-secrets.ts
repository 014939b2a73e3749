import type { Kysely } from 'kysely';
import type { UnscopedContext } from '../auth/login-context.js';
import type { Database } from '../db/database.js';
import {
  isMonitorExtraCurrent,
  MONITOR_SECRET_COLUMNS,
  openMonitorColumn,
  openMonitorExtra,
  sealMonitorColumn,
  sealMonitorExtra,
} from '../monitors/monitor-secrets.js';
import {
  isNotificationConfigCurrent,
  openNotificationConfig,
  sealNotificationConfig,
} from '../notifications/notification-config-secret.js';
import { PASSWORD_FIELD } from '../proxies/proxy-repository.js';
import { TWO_FACTOR_SECRET_FIELD } from '../users/user-repository.js';
import { openText, sealText, secretBox } from './secret-store.js';

export interface RotatedSecrets {
  /** The key every stored secret is now sealed with. */
  keyId: string;
  /** Rows rewritten, by table. */
  resealed: { monitors: number; notifications: number; proxies: number; users: number };
}

// Rows locked and rewritten per transaction: a save racing the rotation waits for its batch
// instead of being overwritten with what the rotation read before it.
const BATCH = 200;

/**
 * `admin rotate-secrets` (architecture rule 7): seals every stored secret that is in clear
 * (stored before encryption) or sealed with an older key with the current key of
 * `SECRETS_KEY`, after which the older keys can be dropped from it. Safe to run again, and
 * while the service runs.
 */
export async function rotateSecrets(ctx: UnscopedContext): Promise<RotatedSecrets> {
  return {
    keyId: secretBox().currentKeyId,
    resealed: {
      monitors: await resealMonitors(ctx.db),
      notifications: await resealNotifications(ctx.db),
      proxies: await resealProxies(ctx.db),
      users: await resealUsers(ctx.db),
    },
  };
}

const isCurrent = (stored: string | null) => stored === null || secretBox().isCurrent(stored);

/** Walks a table by id in locked batches; `reseal` rewrites one row when it must. */
async function inBatches<R extends { id: number }>(
  db: Kysely<Database>,
  load: (trx: Kysely<Database>, afterId: number) => Promise<R[]>,
  reseal: (trx: Kysely<Database>, row: R) => Promise<boolean>,
): Promise<number> {
  let afterId = 0;
  let resealed = 0;
  for (;;) {
    const rows = await db.transaction().execute(async (trx) => {
      const batch = await load(trx, afterId);
      for (const row of batch) if (await reseal(trx, row)) resealed++;
      return batch;
    });
    if (rows.length < BATCH) return resealed;
    afterId = rows.at(-1)!.id;
  }
}

function resealMonitors(db: Kysely<Database>): Promise<number> {
  return inBatches(
    db,
    (trx, afterId) =>
      trx
        .selectFrom('monitors')
        .select(['id', ...MONITOR_SECRET_COLUMNS, 'extra'])
        .where('id', '>', afterId)
        .orderBy('id')
        .limit(BATCH)
        .forUpdate()
        .execute(),
    async (trx, row) => {
      const current =
        MONITOR_SECRET_COLUMNS.every((c) => isCurrent(row[c])) && isMonitorExtraCurrent(row.extra);
      if (current) return false;
      const reseal = (c: (typeof MONITOR_SECRET_COLUMNS)[number]) =>
        sealMonitorColumn(c, openMonitorColumn(c, row[c]));
      await trx
        .updateTable('monitors')
        .set({
          headers: reseal('headers'),
          basic_auth_user: reseal('basic_auth_user'),
          basic_auth_pass: reseal('basic_auth_pass'),
          extra: JSON.stringify(sealMonitorExtra(openMonitorExtra(row.extra))),
        })
        .where('id', '=', row.id)
        .execute();
      return true;
    },
  );
}

function resealNotifications(db: Kysely<Database>): Promise<number> {
  return inBatches(
    db,
    (trx, afterId) =>
      trx
        .selectFrom('notifications')
        .select(['id', 'config'])
        .where('id', '>', afterId)
        .orderBy('id')
        .limit(BATCH)
        .forUpdate()
        .execute(),
    async (trx, row) => {
      if (isNotificationConfigCurrent(row.config)) return false;
      await trx
        .updateTable('notifications')
        .set({ config: sealNotificationConfig(openNotificationConfig(row.config)) })
        .where('id', '=', row.id)
        .execute();
      return true;
    },
  );
}

function resealProxies(db: Kysely<Database>): Promise<number> {
  return inBatches(
    db,
    (trx, afterId) =>
      trx
        .selectFrom('proxies')
        .select(['id', 'password'])
        .where('id', '>', afterId)
        .orderBy('id')
        .limit(BATCH)
        .forUpdate()
        .execute(),
    async (trx, row) => {
      if (isCurrent(row.password)) return false;
      const password = sealText(PASSWORD_FIELD, openText(PASSWORD_FIELD, row.password));
      await trx.updateTable('proxies').set({ password }).where('id', '=', row.id).execute();
      return true;
    },
  );
}

function resealUsers(db: Kysely<Database>): Promise<number> {
  return inBatches(
    db,
    (trx, afterId) =>
      trx
        .selectFrom('users')
        .select(['id', 'twofa_secret'])
        .where('id', '>', afterId)
        .orderBy('id')
        .limit(BATCH)
        .forUpdate()
        .execute(),
    async (trx, row) => {
      if (isCurrent(row.twofa_secret)) return false;
      const field = TWO_FACTOR_SECRET_FIELD;
      const twofa_secret = sealText(field, openText(field, row.twofa_secret));
      await trx.updateTable('users').set({ twofa_secret }).where('id', '=', row.id).execute();
      return true;
    },
  );
}
