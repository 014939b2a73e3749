import { expect, it } from 'vitest';
import { waitFor } from '@watchpost/core/testing';
import type { ReceivedEvent } from '@watchpost/core/testing';
import { EMPTY_ACK, NO_ACK, type Step, type StepResult } from './conformance-step.js';
import { clientOf, isSyncMarker, syncTenant, type World } from './conformance-world.js';

// The conformance walk (issue 5): docs/protocol/README.md#client-events event by event, one `it` per step of a table (see
// conformance-step.ts), each run over a real socket.io client against one real API node. A
// step calls the event, compares the whole ack, checks which pushes came before and after
// it, reads the stored result back, and for a refusal checks that nothing changed.

// Pushes that follow an ack are sent right after it; a second is plenty on a loaded machine.
const AFTER_ACK_WAIT = { timeoutMs: 2_000, intervalMs: 10 };

/** Registers one `it` per step, in table order; vitest runs them one after another. */
export function walk(w: World, steps: readonly Step[]): void {
  for (const step of steps) {
    it(`${step.event}: ${step.title}`, () => runStep(w, step));
  }
}

/**
 * The isolation check that closes a section: everything tenant A did reached none of Bob's
 * sockets. Bob owns nothing, so the only pushes he may get are his own empty lists (a delete
 * that matched nothing of his still pushes his list, docs/protocol/maintenance.md).
 */
export function walkIsolation(w: World, section: string): void {
  it(`${section}: the other tenant received none of these pushes`, async () => {
    await syncTenant(w, w.alice, [w.a]);
    await syncTenant(w, w.bob, [w.b]);
    const pushes = w.b
      .pushesSince(w.bobQuietSince)
      .filter((e) => !e.event.startsWith('ack:') && !isSyncMarker(e.args))
      .filter((e) => !isEmptyList(e.args));
    expect(pushes).toEqual([]);
    // A `refresh` meant for tenant A's other sockets would also have cut Bob off.
    expect(w.b.socket.connected).toBe(true);
  });
}

/** A push that carries no data at all (an empty list, or none like `initServerTimezone`). */
function isEmptyList(args: unknown[]): boolean {
  if (args.length === 0) return true;
  const [only] = args;
  return (
    args.length === 1 && typeof only === 'object' && only !== null && Object.keys(only).length === 0
  );
}

export async function runStep(w: World, step: Step): Promise<void> {
  const client = clientOf(w, step.as ?? 'a');
  await step.arrange?.(w);
  const snapshot = step.unchanged ? await step.unchanged(w) : undefined;
  const expectedAck: unknown = typeof step.ack === 'function' ? step.ack(w) : step.ack;
  const mark = client.events.length;
  const args = step.args(w);

  let ack: unknown;
  // Without an ack, every push after the call counts as "after".
  let ackIndex = mark - 1;
  // An event that never acks must not answer even a caller that passes an ack function.
  const unexpectedAcks: unknown[][] = [];
  if (expectedAck === NO_ACK) {
    client.socket.emit(step.event, ...args, (...reply: unknown[]) => unexpectedAcks.push(reply));
  } else {
    const raw = await client.callRaw(step.event, ...args);
    ackIndex = client.events.findIndex((e, i) => i >= mark && e.event === `ack:${step.event}`);
    ack = raw[0];
    if (expectedAck === EMPTY_ACK) expect(raw).toEqual([]);
    else expect(raw).toStrictEqual([expectedAck]);
  }

  const pushNames = (events: ReceivedEvent[]) =>
    events.filter((e) => !e.event.startsWith('ack:') && !isSyncMarker(e.args)).map((e) => e.event);
  if (step.before) {
    const beforeAck = pushNames(client.events.slice(mark, ackIndex));
    expect(matchInOrder(beforeAck, step.before), 'pushes before the ack').toEqual(step.before);
  }
  if (step.after?.length) {
    const expected = step.after;
    await waitFor(() => {
      const afterAck = pushNames(client.events.slice(ackIndex + 1));
      expect(matchInOrder(afterAck, expected), 'pushes after the ack').toEqual(expected);
    }, AFTER_ACK_WAIT);
  }

  const events = client.events.slice(mark);
  const result: StepResult = {
    ack,
    events,
    push(event) {
      const found = events.filter((e) => e.event === event).at(-1);
      if (!found) throw new Error(`no ${event} push during ${step.event}`);
      return found.args;
    },
  };
  if (step.readBack) await step.readBack(w, result);
  if (expectedAck === NO_ACK) {
    // needSetup answers after a database read, so an ack sent at once would be here by now.
    await client.call('needSetup');
    expect(unexpectedAcks, 'acks of an event that never acks').toEqual([]);
  }
  if (step.unchanged) expect(await step.unchanged(w), 'state after the refusal').toEqual(snapshot);
}

/** The longest prefix of `expected` found in `received` in the same order. */
function matchInOrder(received: readonly string[], expected: readonly string[]): string[] {
  const matched: string[] = [];
  let from = 0;
  for (const name of expected) {
    const at = received.indexOf(name, from);
    if (at < 0) break;
    matched.push(name);
    from = at + 1;
  }
  return matched;
}
