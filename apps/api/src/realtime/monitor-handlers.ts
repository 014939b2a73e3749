import { MONITOR_NOT_FOUND_MSG, monitorIdSchema } from '@watchpost/core';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import {
  AppError,
  beatFieldsFromRow,
  monitorInputSchema,
  toHeartbeatRowJson,
  type MonitorInput,
  type MonitorListPayload,
} from '@watchpost/core';
import { listBeatsSince, monitorRepository, type Database } from '@watchpost/core/db';
import { publishChange } from '@watchpost/core/services';
import { tenantRoom } from '@watchpost/core/realtime';
import { defineHandler, Reply, type SocketHandler } from './define-handler.js';
import { assertOwnProxy } from '@watchpost/core/services';
import { loadMonitorList } from './monitor-list.js';
import type { RealtimeDeps } from './realtime-deps.js';

// Literal texts of spec §3.1 / §9.2.
const NOT_OWNER_MSG = 'You do not own this monitor.';
const PERMISSION_DENIED_MSG = 'Permission denied.';
const INVALID_GROUP_MSG = 'Invalid Monitor Group';
const INVALID_PERIOD_MSG = 'Invalid period.';
// Not in Kuma (which does not index push tokens): `/api/push/:token` must find one monitor.
const PUSH_TOKEN_TAKEN_MSG = 'This push token is already in use.';
const PUSH_TOKEN_INDEX = 'monitors_push_token_key';

const MAX_PERIOD_HOURS = 8760;
const HOUR_MS = 3_600_000;

// Numbers from Python and the UI; numeric text is tolerated as it is for ids.
const periodText = z
  .string()
  .regex(/^\d+(\.\d+)?$/)
  .transform(Number);
const periodHoursSchema = z
  .union([z.number(), periodText], { message: INVALID_PERIOD_MSG })
  .pipe(z.number().positive(INVALID_PERIOD_MSG).max(MAX_PERIOD_HOURS, INVALID_PERIOD_MSG));

// `active` is the one key `add` reads that is not a stored field (§5.2: false = paused).
const addFlagsSchema = z.object({ active: z.unknown().optional() });
// editMonitor names its target inside the payload; without a usable id nothing is ours.
const editTargetSchema = z.object({ id: monitorIdSchema });

export const monitorHandlers: readonly SocketHandler[] = [
  // Spec §3.1 `add`: monitorList to the room, then the ack (§1.4, §9.3).
  defineHandler('add', [z.unknown()], async ({ deps, session }, [payload]) => {
    const { tenantId } = session;
    const input = parseMonitorInput(deps, payload);
    await assertValidParent(deps.db, tenantId, input.parent);
    await assertOwnProxy({ db: deps.db, tenantId }, input.proxyId);
    const active = addFlagsSchema.parse(payload).active !== false;
    const monitorId = await withPushTokenCheck(
      monitorRepository.insertMonitor(deps.db, tenantId, input, active),
    );
    const after = await loadMonitorList(deps.db, tenantId);
    // A new monitor changes nothing else's activity.
    announceActivity(deps, tenantId, monitorId, after, after);
    emitMonitorList(deps, tenantId, after);
    return { ok: true, msg: 'Added Successfully.', monitorID: monitorId };
  }),

  // Spec §3.1 `editMonitor`: a full overwrite of the editable fields; `active` is ignored.
  defineHandler('editMonitor', [z.unknown()], async ({ deps, session }, [payload]) => {
    const { tenantId } = session;
    // Ownership first, like upstream: for a monitor that is not ours every error is the same.
    const target = editTargetSchema.safeParse(payload);
    if (!target.success) throw new AppError('permission-denied', PERMISSION_DENIED_MSG);
    const monitorId = target.data.id;
    // The tenant's tree answers ownership, cycles and the parent's type in one query, and is
    // the "before" picture for announceActivity.
    const before = await loadMonitorList(deps.db, tenantId);
    const existing = before[String(monitorId)];
    if (!existing) throw new AppError('permission-denied', PERMISSION_DENIED_MSG);

    const input = keepPushToken(parseMonitorInput(deps, payload), payload, existing.pushToken);
    await assertOwnProxy({ db: deps.db, tenantId }, input.proxyId);
    if (input.parent !== null) {
      // A monitor inside its own subtree would make the group tree a cycle.
      const ownSubtree = [monitorId, ...(existing.childrenIDs as number[])];
      const parent = before[String(input.parent)];
      if (ownSubtree.includes(input.parent) || parent?.type !== 'group') {
        throw new AppError('invalid-input', INVALID_GROUP_MSG);
      }
    }
    const updated = await withPushTokenCheck(
      monitorRepository.updateMonitor(deps.db, tenantId, monitorId, input),
    );
    // Deleted between the two statements.
    if (!updated) throw new AppError('permission-denied', PERMISSION_DENIED_MSG);
    const after = await loadMonitorList(deps.db, tenantId);
    announceActivity(deps, tenantId, monitorId, before, after);
    emitMonitorList(deps, tenantId, after);
    return { ok: true, msg: 'Saved.', monitorID: monitorId };
  }),

  // Spec §3.1 `deleteMonitor`: ack first, then monitorList, then an emptied important list.
  defineHandler('deleteMonitor', [monitorIdSchema], async ({ deps, session }, [monitorId]) => {
    const { tenantId } = session;
    // Upstream silently succeeds for ids it does not own; refusing is what keeps another
    // tenant's id from being told apart from its own (and the Python client checks existence
    // itself before deleting, §9.8).
    const before = await loadMonitorList(deps.db, tenantId);
    const deleted = await monitorRepository.deleteMonitor(deps.db, tenantId, monitorId);
    if (!deleted) throw new AppError('not-found', MONITOR_NOT_FOUND_MSG);
    // Children of a deleted group become top-level monitors and may start running.
    const after = await loadMonitorList(deps.db, tenantId);
    announceActivity(deps, tenantId, monitorId, before, after);
    return Reply.of({ ok: true, msg: 'Deleted Successfully.' }, async () => {
      emitMonitorList(deps, tenantId, after);
      deps.io.to(tenantRoom(tenantId)).emit('importantHeartbeatList', monitorId, [], true);
    });
  }),

  // Spec §3.1 `pauseMonitor`.
  defineHandler('pauseMonitor', [monitorIdSchema], async ({ deps, session }, [monitorId]) => {
    await setActive(deps, session.tenantId, monitorId, false);
    return { ok: true, msg: 'Paused Successfully.' };
  }),

  // Spec §3.1 `resumeMonitor`.
  defineHandler('resumeMonitor', [monitorIdSchema], async ({ deps, session }, [monitorId]) => {
    await setActive(deps, session.tenantId, monitorId, true);
    return { ok: true, msg: 'Resumed Successfully.' };
  }),

  // Spec §3.1 `getMonitor`.
  defineHandler('getMonitor', [monitorIdSchema], async ({ deps, session }, [monitorId]) => {
    // The computed fields (pathName, childrenIDs, forceInactive) need the whole group tree.
    const list = await loadMonitorList(deps.db, session.tenantId);
    const monitor = list[String(monitorId)];
    if (!monitor) throw new AppError('not-found', MONITOR_NOT_FOUND_MSG);
    return { ok: true, monitor };
  }),

  // Spec §3.1 `getMonitorList`: push, then ack.
  defineHandler('getMonitorList', [], async ({ deps, session }) => {
    await pushMonitorList(deps, session.tenantId);
    return { ok: true };
  }),

  // Spec §3.1 `getMonitorBeats`. Unlike upstream it checks ownership (DESIGN rule 1) and
  // bounds the window to a year, the longest any client asks for.
  defineHandler(
    'getMonitorBeats',
    [monitorIdSchema, periodHoursSchema],
    async ({ deps, session }, [monitorId, periodHours]) => {
      const { tenantId } = session;
      const monitor = await monitorRepository.findMonitor(deps.db, tenantId, monitorId);
      if (!monitor) throw new AppError('not-found', MONITOR_NOT_FOUND_MSG);
      const since = new Date(Date.now() - periodHours * HOUR_MS);
      const rows = await listBeatsSince(deps.db, tenantId, monitorId, since);
      return { ok: true, data: rows.map((row) => toHeartbeatRowJson(beatFieldsFromRow(row))) };
    },
  ),
];

const inputSchemas = new Map<number, ReturnType<typeof monitorInputSchema>>();

/** Throws the schema's ZodError, whose first message (Kuma's wording) becomes `msg`. */
function parseMonitorInput(deps: RealtimeDeps, payload: unknown): MonitorInput {
  let schema = inputSchemas.get(deps.minIntervalSeconds);
  if (!schema) {
    schema = monitorInputSchema(deps.minIntervalSeconds);
    inputSchemas.set(deps.minIntervalSeconds, schema);
  }
  return schema.parse(payload);
}

/** Turns the unique-index violation of a duplicate push token into a message for the user. */
async function withPushTokenCheck<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if (isUniqueViolation(error, PUSH_TOKEN_INDEX)) {
      throw new AppError('conflict', PUSH_TOKEN_TAKEN_MSG);
    }
    throw error;
  }
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  // pg's DatabaseError: SQLSTATE 23505 is unique_violation.
  const { code, constraint: name } = (error ?? {}) as { code?: unknown; constraint?: unknown };
  return code === '23505' && name === constraint;
}

/** A parent must be a `group` monitor of the same tenant. */
async function assertValidParent(
  db: Kysely<Database>,
  tenantId: number,
  parentId: number | null,
): Promise<void> {
  if (parentId === null) return;
  const parent = await monitorRepository.findMonitor(db, tenantId, parentId);
  if (parent?.type !== 'group') throw new AppError('invalid-input', INVALID_GROUP_MSG);
}

async function setActive(
  deps: RealtimeDeps,
  tenantId: number,
  monitorId: number,
  active: boolean,
): Promise<void> {
  const before = await loadMonitorList(deps.db, tenantId);
  const changed = await monitorRepository.setMonitorActive(deps.db, tenantId, monitorId, active);
  // Spec §3.1: also the answer for ids that do not exist.
  if (!changed) throw new AppError('permission-denied', NOT_OWNER_MSG);
  const after = await loadMonitorList(deps.db, tenantId);
  announceActivity(deps, tenantId, monitorId, before, after);
  emitMonitorList(deps, tenantId, after);
}

async function pushMonitorList(deps: RealtimeDeps, tenantId: number): Promise<void> {
  emitMonitorList(deps, tenantId, await loadMonitorList(deps.db, tenantId));
}

function emitMonitorList(deps: RealtimeDeps, tenantId: number, list: MonitorListPayload): void {
  deps.io.to(tenantRoom(tenantId)).emit('monitorList', list);
}

/**
 * Tells the scheduler about the monitor a request touched (an add, edit or resume starts it
 * with an immediate check) and about every other monitor whose effective activity changed:
 * pausing, resuming, moving or deleting a group pauses or releases its whole subtree. The
 * wire `active` already folds in the ancestors (spec §5.1).
 */
function announceActivity(
  deps: RealtimeDeps,
  tenantId: number,
  touchedId: number,
  before: MonitorListPayload,
  after: MonitorListPayload,
): void {
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const monitorId = Number(key);
    const isActive = after[key]?.active === true;
    if (monitorId !== touchedId && isActive === (before[key]?.active === true)) continue;
    publishChange(deps, { kind: isActive ? 'upsert' : 'remove', monitorId, tenantId });
  }
}

/**
 * Parsing gives a push monitor without a token a fresh one, which is right for `add`; an edit
 * that leaves the token out must keep the old one, or every pusher's URL would break.
 */
function keepPushToken(input: MonitorInput, payload: unknown, previous: unknown): MonitorInput {
  const sent = (payload as { pushToken?: unknown }).pushToken;
  const sentToken = typeof sent === 'string' && sent !== '';
  if (input.type !== 'push' || sentToken || typeof previous !== 'string' || previous === '') {
    return input;
  }
  return { ...input, pushToken: previous };
}
