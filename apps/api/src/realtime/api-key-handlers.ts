import type { Kysely } from 'kysely';
import { z } from 'zod';
import { AppError } from '@watchpost/core';
import {
  API_KEY_SCOPES,
  apiKeyRepository,
  DEFAULT_API_KEY_SCOPE,
  parseExpiry,
  toApiKeyJson,
  type ApiKeyJson,
  type Database,
} from '@watchpost/core/db';
import { tenantRoom } from '@watchpost/core/realtime';
import { defineHandler, Reply, type SocketHandler } from './define-handler.js';
import type { RealtimeDeps } from './realtime-deps.js';
import { endApiKeySessions } from './session.js';

// Literal texts of spec §3.8 / §9.2 (note: no full stop after "Enabled Successfully").
const ADDED_MSG = 'Added Successfully.';
const ENABLED_MSG = 'Enabled Successfully';
const DISABLED_MSG = 'Disabled Successfully.';
const DELETED_MSG = 'Deleted Successfully.';
// Upstream changes nothing and says nothing for an id that is not the caller's; one text for
// "missing" and "another tenant's" keeps ids from being probed.
const KEY_NOT_FOUND_MSG = 'API key not found.';
const INVALID_KEY_ID_MSG = 'Invalid API key ID.';
const INVALID_EXPIRES_MSG = 'Expiry must be a date-time like "2030-12-31 23:59:59", or null.';

// Ids live in a Postgres `integer` column. Numbers from Python, numeric text from the UI.
const MAX_ID = 2 ** 31 - 1;
const keyIdSchema = z
  .union(
    [
      z.number(),
      z
        .string()
        .regex(/^\d{1,10}$/)
        .transform(Number),
    ],
    {
      message: INVALID_KEY_ID_MSG,
    },
  )
  .pipe(
    z.number().int(INVALID_KEY_ID_MSG).min(1, INVALID_KEY_ID_MSG).max(MAX_ID, INVALID_KEY_ID_MSG),
  );

// Spec §3.8: `{name, expires, active}`; `active` is 0/1 from Python and the UI. `scope` is
// Watchpost's; Kuma clients omit it and get a write key, like a Kuma key.
const newApiKeySchema = z.object(
  {
    name: z
      .string({ message: 'API key name must be text.' })
      .max(255, 'API key name must be at most 255 characters.')
      .refine((name) => name.trim() !== '', 'API key name must not be empty.'),
    expires: z
      .string({ message: INVALID_EXPIRES_MSG })
      .nullish()
      .transform((text, ctx) => {
        if (text === null || text === undefined || text === '') {
          return { expires: null, expiresAt: null };
        }
        const expiresAt = parseExpiry(text);
        if (expiresAt) return { expires: text, expiresAt };
        ctx.addIssue({ code: 'custom', message: INVALID_EXPIRES_MSG });
        return z.NEVER;
      }),
    active: z
      .union([z.boolean(), z.literal(0), z.literal(1)], {
        message: 'API key active must be true, false, 1 or 0.',
      })
      .optional(),
    scope: z
      .enum(API_KEY_SCOPES, { message: 'API key scope must be "read" or "write".' })
      .optional(),
  },
  { message: 'API key must be an object.' },
);

export const apiKeyHandlers: readonly SocketHandler[] = [
  // Spec §3.8: apiKeyList to the room, then the ack with the clear key (its only appearance).
  defineHandler('addAPIKey', [newApiKeySchema], async ({ deps, session }, [input]) => {
    const created = await apiKeyRepository.createApiKey(deps.db, session.tenantId, session.userId, {
      name: input.name,
      ...input.expires,
      active: input.active === undefined ? true : Boolean(input.active),
      scope: input.scope ?? DEFAULT_API_KEY_SCOPE,
    });
    await pushApiKeyList(deps, session.tenantId);
    return { ok: true, msg: ADDED_MSG, key: created.key, keyID: created.id };
  }),

  // Spec §3.8: push, then ack.
  defineHandler('getAPIKeyList', [], async ({ deps, session }) => {
    await pushApiKeyList(deps, session.tenantId);
    return { ok: true };
  }),

  // Spec §3.8: ack, then push.
  defineHandler('enableAPIKey', [keyIdSchema], async ({ deps, session }, [keyId]) => {
    await setActive(deps, session.tenantId, keyId, true);
    return Reply.of({ ok: true, msg: ENABLED_MSG }, () => pushApiKeyList(deps, session.tenantId));
  }),

  defineHandler('disableAPIKey', [keyIdSchema], async ({ deps, session }, [keyId]) => {
    await setActive(deps, session.tenantId, keyId, false);
    return Reply.of({ ok: true, msg: DISABLED_MSG }, async () => {
      await pushApiKeyList(deps, session.tenantId);
      await endApiKeySessions(deps.io, session.tenantId, keyId);
    });
  }),

  defineHandler('deleteAPIKey', [keyIdSchema], async ({ deps, session }, [keyId]) => {
    const deleted = await apiKeyRepository.deleteApiKey(deps.db, session.tenantId, keyId);
    if (!deleted) throw new AppError('not-found', KEY_NOT_FOUND_MSG);
    return Reply.of({ ok: true, msg: DELETED_MSG }, async () => {
      await pushApiKeyList(deps, session.tenantId);
      await endApiKeySessions(deps.io, session.tenantId, keyId);
    });
  }),
];

/** Spec §5.10: every key of the tenant (whoever created it), never a key or its hash. */
export async function loadApiKeyList(
  db: Kysely<Database>,
  tenantId: number,
): Promise<ApiKeyJson[]> {
  const now = new Date();
  return (await apiKeyRepository.listApiKeys(db, tenantId)).map((row) => toApiKeyJson(row, now));
}

async function pushApiKeyList(deps: RealtimeDeps, tenantId: number): Promise<void> {
  deps.io.to(tenantRoom(tenantId)).emit('apiKeyList', await loadApiKeyList(deps.db, tenantId));
}

async function setActive(
  deps: RealtimeDeps,
  tenantId: number,
  keyId: number,
  active: boolean,
): Promise<void> {
  const changed = await apiKeyRepository.setApiKeyActive(deps.db, tenantId, keyId, active);
  if (!changed) throw new AppError('not-found', KEY_NOT_FOUND_MSG);
}
