import { afterAll, beforeAll, expect } from 'vitest';
import { waitFor } from '@watchpost/core/testing';
import { createRedisTenantEvents } from '@watchpost/core/realtime';
import {
  createApiTestContext,
  type ApiTestContext,
  type TestClient,
  type TestUser,
} from '../testing/api-test-context.js';
import type { Actor } from './conformance-step.js';

/**
 * What one conformance file walks against: one real API node, tenant A ("alice", the one the
 * walk works for, with a second socket `sibling`), tenant B ("bob", the stranger) and a socket
 * that never logs in.
 */
export interface World {
  ctx: ApiTestContext;
  alice: TestUser;
  bob: TestUser;
  a: TestClient;
  b: TestClient;
  sibling: TestClient;
  anon: TestClient;
  /** Ids, slugs and tokens that earlier steps made and later steps use. */
  saved: Record<string, unknown>;
  /** Where Bob's log stood once his own login burst was over. */
  bobQuietSince: number;
}

export interface WorldOptions {
  /**
   * False for the walk of the login events themselves: no user exists, and alice is made by
   * the `setup` step (Bob is made right after, not logged in).
   */
  loggedIn?: boolean;
}

/** Registers the file's beforeAll/afterAll; the world is filled in before the first step. */
export function useWorld(label: string, { loggedIn = true }: WorldOptions = {}): World {
  const w = { saved: {} } as World;
  beforeAll(async () => {
    w.ctx = await createApiTestContext(`conformance-${label}`);
    w.a = await w.ctx.connect();
    w.b = await w.ctx.connect();
    w.sibling = await w.ctx.connect();
    w.anon = await w.ctx.connect();
    if (!loggedIn) return;
    w.alice = await w.ctx.createUser('alice');
    w.bob = await w.ctx.createUser('bob');
    await w.a.login(w.alice);
    await w.sibling.login(w.alice);
    await w.b.login(w.bob);
    await syncTenant(w, w.bob, [w.b]);
    await syncTenant(w, w.alice, [w.a, w.sibling]);
    w.bobQuietSince = w.b.events.length;
  });
  afterAll(async () => w.ctx?.close());
  return w;
}

export function clientOf(w: World, actor: Actor): TestClient {
  return w[actor];
}

/** A number no test uses as an id, so markers cannot be mistaken for data. */
let nextMarker = -1_000_000;

/**
 * Sends a marker to the tenant's room through Redis, from outside the API, and waits until
 * every given socket has it: anything sent to those sockets before has arrived by then.
 */
export async function syncTenant(w: World, user: TestUser, clients: TestClient[]): Promise<void> {
  const marker = nextMarker--;
  createRedisTenantEvents(w.ctx.redis(), w.ctx.redisPrefix).emit(
    user.tenantId,
    'avgPing',
    marker,
    null,
  );
  const hasMarker = (c: TestClient) =>
    c.events.some((e) => e.event === 'avgPing' && e.args[0] === marker);
  await waitFor(() => {
    for (const c of clients) expect(hasMarker(c)).toBe(true);
  });
}

/** True for the sync markers of syncTenant, which are not pushes of the server's own. */
export function isSyncMarker(args: unknown[]): boolean {
  return typeof args[0] === 'number' && args[0] <= -1_000_000;
}
