import { z } from 'zod';
import { AppError, INTERNAL_ERROR_MSG, NUL_TEXT_MSG, type ClientEventName } from '@watchpost/core';
import { serviceContext, type ServiceContext } from '@watchpost/core/services';
import type { RealtimeDeps } from './realtime-deps.js';
import type { ApiSocket, Session } from './socket-types.js';

/** docs/protocol/authentication.md#which-events-need-a-login: the reply of every protected event on an unauthenticated socket. */
export const NOT_LOGGED_IN_MSG = 'You are not logged in.';

/**
 * An ack that is not a single payload (docs/protocol/transport.md#requests-and-acks: `logout` acks with no arguments), or one
 * that must be followed by pushes (`deleteMonitor` (docs/protocol/monitors.md#deletemonitor) pushes after its ack).
 */
export class Reply {
  private constructor(
    readonly args: readonly unknown[],
    readonly afterAck: (() => Promise<void>) | undefined,
  ) {}

  static of(payload: unknown, afterAck?: () => Promise<void>): Reply {
    return new Reply([payload], afterAck);
  }

  static withoutArguments(): Reply {
    return new Reply([], undefined);
  }
}

/** The handler deliberately leaves the client without an ack (docs/protocol/authentication.md#login step 1 for `login`). */
export const NO_REPLY: unique symbol = Symbol('no reply');

export type AckPayload = boolean | Record<string, unknown>;
export type HandlerResult = AckPayload | Reply | typeof NO_REPLY;

export interface HandlerContext<S extends Session | undefined> {
  socket: ApiSocket;
  deps: RealtimeDeps;
  session: S;
}

/** A logged-in call: its session, and the service context scoped to the session's tenant. */
export interface SessionContext extends HandlerContext<Session> {
  service: ServiceContext;
}

/**
 * - `public`: anyone (docs/protocol/authentication.md#which-events-need-a-login).
 * - `read`: any logged-in session, a read-scope API key included.
 * - `write`: changes something (or acts, like sending a test notification); refused to a
 *   read-scope API key session.
 * - `account`: the login's own credentials and the tenant's API keys; refused to every API
 *   key session, so a leaked key cannot take over the account or keep itself alive.
 */
export type HandlerAccess = 'public' | 'read' | 'write' | 'account';

export const READ_ONLY_SESSION_MSG =
  'This session uses a read-only API key, which cannot make changes.';
export const ACCOUNT_EVENT_MSG = 'This needs a login with username and password, not an API key.';

/**
 * Kuma's events that only read (docs/protocol/README.md#client-events). Every other protected event counts as `write`,
 * so a handler added later is refused to read-only keys until it is listed here: forgetting
 * fails closed, not open.
 */
const READ_EVENTS: ReadonlySet<string> = new Set([
  'getMonitor',
  'getMonitorList',
  'getMonitorBeats',
  'getTags',
  'getStatusPage',
  'getMaintenance',
  'getMaintenanceList',
  'getMonitorMaintenance',
  'getMaintenanceStatusPage',
  'getAPIKeyList',
  'getSettings',
  'getGameList',
  'getDatabaseSize',
  'twoFAStatus',
  'checkApprise',
  // Watchpost's own.
  'getNotificationDeliveries',
  'getMonitorChartData',
  'getMonitorStats',
  'monitorImportantHeartbeatListCount',
  'monitorImportantHeartbeatListPaged',
]);

/** Events about the login's password and second factor (docs/protocol/authentication.md#password-change, docs/protocol/authentication.md#two-factor-authentication), and keys. */
const ACCOUNT_EVENTS: ReadonlySet<string> = new Set([
  'changePassword',
  'prepare2FA',
  'verifyToken',
  'save2FA',
  'disable2FA',
  // docs/protocol/api-keys.md#api-key-lifecycle: a key may not mint, revive or remove keys (a leaked one could
  // otherwise make itself permanent); disabling stays open to write keys.
  'addAPIKey',
  'enableAPIKey',
  'deleteAPIKey',
]);

export function accessOf(event: string): Exclude<HandlerAccess, 'public'> {
  if (READ_EVENTS.has(event)) return 'read';
  if (ACCOUNT_EVENTS.has(event)) return 'account';
  return 'write';
}

/** Why this session may not call an event of this access, or null when it may. */
function refusalFor(access: HandlerAccess, session: Session): string | null {
  if (access === 'account' && session.apiKeyId !== null) return ACCOUNT_EVENT_MSG;
  if ((access === 'write' || access === 'account') && session.scope !== 'write') {
    return READ_ONLY_SESSION_MSG;
  }
  return null;
}

type ArgSchemas = readonly z.ZodType[];
type ArgOutputs<Items extends ArgSchemas> = { [K in keyof Items]: z.output<Items[K]> };

/** A handler body that runs with or without a session: public ones, and all of them inside. */
type AnySessionHandle<Items extends ArgSchemas> = (
  ctx: HandlerContext<Session | undefined>,
  args: ArgOutputs<Items>,
) => Promise<HandlerResult>;

export interface SocketHandler {
  readonly event: ClientEventName;
  /** What the event needs from the session (see accessOf). */
  readonly access: HandlerAccess;
  /** False for the events that never ack (defineUnackedHandler). */
  readonly acks: boolean;
  /** Runs one call: the raw Socket.IO arguments, ack function last. Never throws. */
  run(socket: ApiSocket, deps: RealtimeDeps, rawArgs: unknown[]): Promise<void>;
}

/** An event anyone may call (docs/protocol/authentication.md#which-events-need-a-login: needSetup, setup, login, loginByToken, logout). */
export function definePublicHandler<const Items extends ArgSchemas>(
  event: ClientEventName,
  args: Items,
  handle: AnySessionHandle<Items>,
): SocketHandler {
  return createHandler(event, args, 'public', handle);
}

/** An event that needs a logged-in socket; the handler gets its tenant scope as `session`. */
export function defineHandler<const Items extends ArgSchemas>(
  event: ClientEventName,
  args: Items,
  handle: (ctx: SessionContext, args: ArgOutputs<Items>) => Promise<HandlerResult>,
): SocketHandler {
  return createHandler(event, args, accessOf(event), (ctx, parsed) =>
    handle(withService(ctx), parsed),
  );
}

// createHandler only calls a logged-in handler when the socket has a session.
function withService(ctx: HandlerContext<Session | undefined>): SessionContext {
  const session = ctx.session as Session;
  return { ...ctx, session, service: serviceContext(ctx.deps, session) };
}

/**
 * A logged-in event that never acks (docs/protocol/authentication.md#which-events-need-a-login: `initServerTimezone`,
 * `disconnectOtherSocketClients`): it runs whether or not the client passes an ack function
 * (the web UI passes none), and refusals and errors are only logged, as upstream does.
 */
export function defineUnackedHandler<const Items extends ArgSchemas>(
  event: ClientEventName,
  args: Items,
  handle: (ctx: SessionContext, args: ArgOutputs<Items>) => Promise<void>,
): SocketHandler {
  return createHandler(
    event,
    args,
    accessOf(event),
    async (ctx, parsed) => {
      await handle(withService(ctx), parsed);
      return NO_REPLY;
    },
    { neverAcks: true },
  );
}

function createHandler<Items extends ArgSchemas>(
  event: ClientEventName,
  items: Items,
  access: HandlerAccess,
  handle: AnySessionHandle<Items>,
  { neverAcks = false } = {},
): SocketHandler {
  const schema = z.tuple(items as unknown as [z.ZodType, ...z.ZodType[]]);
  const requiresLogin = access !== 'public';
  return {
    event,
    access,
    acks: !neverAcks,
    async run(socket, deps, rawArgs) {
      const last = rawArgs.at(-1);
      const ack = typeof last === 'function' ? (last as (...args: unknown[]) => void) : undefined;
      // docs/protocol/authentication.md#login step 1, applied to every event: without an ack function nobody is waiting,
      // and Kuma does nothing at all (so neither does a call without one change anything).
      if (!ack && !neverAcks) return;
      const reply = neverAcks ? undefined : ack;
      const argCount = ack ? rawArgs.length - 1 : rawArgs.length;
      // Missing trailing arguments arrive as undefined, so each schema decides whether that is
      // allowed (and with which message); extra trailing arguments are ignored like in Kuma.
      const data = Array.from({ length: items.length }, (_, i) =>
        i < argCount ? rawArgs[i] : undefined,
      );

      let result: HandlerResult;
      try {
        const session = socket.data.session;
        // Decided here, for every event at once, rather than by each handler.
        const refusal = session ? refusalFor(access, session) : null;
        if (requiresLogin && !session) {
          result = failure(NOT_LOGGED_IN_MSG);
        } else if (refusal !== null) {
          result = failure(refusal);
        } else if (requiresLogin && containsNulCharacter(data)) {
          // Postgres text and jsonb cannot store U+0000; refuse it here with a clear message
          // instead of failing deep inside a query. The public (auth) events answer with their
          // own spec texts instead and guard their few strings themselves.
          result = failure(NUL_TEXT_MSG);
        } else {
          const parsed = schema.safeParse(data);
          result = parsed.success
            ? await handle({ socket, deps, session }, parsed.data as ArgOutputs<Items>)
            : failure(firstIssueMessage(parsed.error));
        }
      } catch (error) {
        result = failureFor(error, deps, event);
      }
      if (reply) await deliver(result, reply, deps, event);
      else if (result !== NO_REPLY) deps.logger.debug({ event, result }, 'socket event refused');
    },
  };
}

export function failure(msg: string): { ok: false; msg: string } {
  return { ok: false, msg };
}

function firstIssueMessage(error: z.ZodError): string {
  return error.issues[0]?.message ?? 'Invalid input';
}

function failureFor(error: unknown, deps: RealtimeDeps, event: string): AckPayload {
  // `field` is an extra ack property, which Kuma clients ignore (docs/protocol/monitors.md#field-hints).
  if (error instanceof AppError) {
    return error.field === undefined
      ? failure(error.message)
      : { ...failure(error.message), field: error.field };
  }
  if (error instanceof z.ZodError) return failure(firstIssueMessage(error));
  deps.logger.error({ err: error, event }, 'socket handler failed');
  return failure(INTERNAL_ERROR_MSG);
}

async function deliver(
  result: HandlerResult,
  ack: (...args: unknown[]) => void,
  deps: RealtimeDeps,
  event: string,
): Promise<void> {
  if (result === NO_REPLY) return;
  try {
    if (result instanceof Reply) {
      ack(...result.args);
      await result.afterAck?.();
    } else {
      ack(result);
    }
  } catch (error) {
    deps.logger.error({ err: error, event }, 'socket reply failed');
  }
}

// Bounded so a deeply nested payload costs little; deeper values are left to the schemas.
const MAX_SCAN_DEPTH = 32;

function containsNulCharacter(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > MAX_SCAN_DEPTH || typeof value !== 'object' || value === null) return false;
  // Binary attachments (never used by Kuma clients, docs/protocol/transport.md#versions-path-and-transports) are bytes, not text; a schema
  // refuses them, and walking a large one byte by byte would be slow.
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return false;
  const children = Array.isArray(value) ? value : Object.entries(value).flat();
  return children.some((child: unknown) => containsNulCharacter(child, depth + 1));
}
