import { AppError } from '../errors/app-error.js';
import type { ServiceContext } from '../services/service-context.js';
import { assertMonitorWithinLimits } from '../tenant-limits/enforce-tenant-limits.js';
import type { TenantLimits } from '../tenant-limits/tenant-limits.js';
import { monitorInputSchema, type MonitorInput } from './monitor-input.js';
import * as monitorRepository from './monitor-repository.js';

// What `add` and `editMonitor` both check before they write (docs/protocol/monitors.md).

// Literal texts of docs/protocol/monitors.md / docs/protocol/compatibility.md#literal-strings.
export const PERMISSION_DENIED_MSG = 'Permission denied.';
export const INVALID_GROUP_MSG = 'Invalid Monitor Group';
// Not in Kuma (which does not index push tokens): `/api/push/:token` must find one monitor.
const PUSH_TOKEN_TAKEN_MSG = 'This push token is already in use.';
const PUSH_TOKEN_INDEX = 'monitors_push_token_key';

const inputSchemas = new Map<number, ReturnType<typeof monitorInputSchema>>();

/**
 * Parses the payload within the tenant's limits (architecture rule 13). The schema's first
 * message (Kuma's wording) becomes the error's text.
 */
export function parseMonitorInput(payload: unknown, limits: TenantLimits): MonitorInput {
  let schema = inputSchemas.get(limits.minIntervalSeconds);
  if (!schema) {
    schema = monitorInputSchema(limits.minIntervalSeconds);
    inputSchemas.set(limits.minIntervalSeconds, schema);
  }
  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path[0];
    throw new AppError(
      'invalid-input',
      issue?.message ?? 'Invalid input',
      typeof field === 'string' ? field : undefined,
    );
  }
  assertMonitorWithinLimits(parsed.data, limits);
  return parsed.data;
}

/** Turns the unique-index violation of a duplicate push token into a message for the user. */
export async function withPushTokenCheck<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if (isUniqueViolation(error, PUSH_TOKEN_INDEX)) {
      throw new AppError('conflict', PUSH_TOKEN_TAKEN_MSG, 'pushToken');
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
export async function assertValidParent(
  ctx: ServiceContext,
  parentId: number | null,
): Promise<void> {
  if (parentId === null) return;
  const parent = await monitorRepository.findMonitor(ctx.db, ctx.tenantId, parentId);
  if (parent?.type !== 'group') throw new AppError('invalid-input', INVALID_GROUP_MSG, 'parent');
}

/**
 * Parsing gives a push monitor without a token a fresh one, which is right for `add`; an edit
 * that leaves the token out must keep the old one, or every pusher's URL would break.
 */
export function keepPushToken(
  input: MonitorInput,
  payload: unknown,
  previous: unknown,
): MonitorInput {
  const sent = (payload as { pushToken?: unknown }).pushToken;
  const sentToken = typeof sent === 'string' && sent !== '';
  if (input.type !== 'push' || sentToken || typeof previous !== 'string' || previous === '') {
    return input;
  }
  return { ...input, pushToken: previous };
}
