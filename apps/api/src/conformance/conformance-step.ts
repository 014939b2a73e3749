import type { ReceivedEvent } from '@watchpost/core/testing';
import type { World } from './conformance-world.js';

/** The event never acks (`initServerTimezone` (docs/protocol/settings.md#initservertimezone), `disconnectOtherSocketClients`). */
export const NO_ACK: unique symbol = Symbol('never acks');
/** The ack comes with no arguments at all (docs/protocol/transport.md#requests-and-acks `logout`). */
export const EMPTY_ACK: unique symbol = Symbol('ack without arguments');

/** Which of the world's sockets makes the call. */
export type Actor = 'a' | 'b' | 'sibling' | 'anon';

/** What a step saw: the ack and every event the caller received during the step, in order. */
export interface StepResult {
  ack: unknown;
  events: ReceivedEvent[];
  /** Arguments of the last push called `event` during the step. */
  push(event: string): unknown[];
}

/**
 * One row of the walk: one event (or one case of it) as docs/protocol/README.md#client-events describes it.
 *
 * `ack` is compared with `toStrictEqual`, so every key must be there and no other: the value
 * types are written as `expect.any(Number)` and the like, the texts as literals.
 */
export interface Step {
  event: string;
  /** The case, e.g. "creates" or "unknown id". */
  title: string;
  as?: Actor;
  /** Stores what the step needs beyond earlier steps (e.g. beats), before the call. */
  arrange?: (w: World) => Promise<void>;
  /** Evaluated when the step runs: ids made by earlier steps are known by then. */
  args: (w: World) => unknown[];
  /** The expected ack, or a function of the world for acks that carry earlier ids. */
  ack: unknown;
  /** Pushes to the caller that arrive before the ack, in this order (docs/protocol/transport.md#pushes-and-rooms, docs/protocol/transport.md#timing-and-ordering). */
  before?: readonly string[];
  /** Pushes to the caller that follow the ack, in this order (or the call, when NO_ACK). */
  after?: readonly string[];
  /** Shows that the change was stored (getMonitor, a get* event, a pushed list). */
  readBack?: (w: World, result: StepResult) => Promise<void>;
  /** Read before and after the call; an error case must leave it equal. */
  unchanged?: (w: World) => Promise<unknown>;
}

/** Fills the ack shapes shared by many events. */
export const ok = (extra: Record<string, unknown> = {}) => ({ ok: true, ...extra });
export const okMsg = (msg: string, extra: Record<string, unknown> = {}) => ({
  ok: true,
  msg,
  ...extra,
});
export const fail = (msg: unknown) => ({ ok: false, msg });

/** Asymmetric matcher for "a value of this type, or null" (docs/protocol/README.md#object-shapes: `string|null`). */
export function nullOr(type: 'string' | 'number') {
  return {
    asymmetricMatch: (value: unknown) => value === null || typeof value === type,
    toString: () => `${type} or null`,
    toAsymmetricMatcher: () => `${type} or null`,
  };
}

/** `DATETIME` of docs/protocol/transport.md#conventions: `YYYY-MM-DD HH:mm:ss`, no zone. */
export const DATETIME = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/;
