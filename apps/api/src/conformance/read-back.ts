import { expect } from 'vitest';
import type { TestClient } from '../testing/api-test-context.js';
import type { Actor } from './conformance-step.js';
import { clientOf, type World } from './conformance-world.js';

type Reply = { ok?: unknown } & Record<string, unknown>;

/** Calls a read event as `actor` and answers its ack, which must be `ok: true`. */
export async function read(
  w: World,
  event: string,
  args: unknown[] = [],
  actor: Actor = 'a',
): Promise<Reply> {
  const reply = await clientOf(w, actor).call<Reply>(event, ...args);
  expect(reply, `${event} for the read-back`).toMatchObject({ ok: true });
  return reply;
}

/** `getMonitor` (docs/protocol/monitors.md#getmonitor): the monitor as tenant A reads it. */
export async function getMonitor(w: World, id: unknown): Promise<Record<string, unknown>> {
  return (await read(w, 'getMonitor', [id])).monitor as Record<string, unknown>;
}

/** `getMonitorBeats` (docs/protocol/monitors.md#getmonitorbeats) over the last day. */
export async function getBeats(w: World, id: unknown): Promise<Record<string, unknown>[]> {
  return (await read(w, 'getMonitorBeats', [id, 24])).data as Record<string, unknown>[];
}

/** The whole ack of a call, ok or not: what an unchanged-check compares. */
export function answerOf(w: World, event: string, args: () => unknown[]) {
  return async (): Promise<unknown> => clientOf(w, 'a').call(event, ...args());
}

type TenantTable =
  | 'monitors'
  | 'notifications'
  | 'proxies'
  | 'docker_hosts'
  | 'api_keys'
  | 'maintenances'
  | 'status_pages'
  | 'tags'
  | 'tenant_settings';

/**
 * Tenant A's rows of one table, for the unchanged-checks of objects that Kuma offers no
 * read event for (notifications, proxies and docker hosts are only ever pushed).
 */
export async function tenantRows(w: World, table: TenantTable): Promise<unknown[]> {
  const rows = await w.ctx.db
    .selectFrom(table)
    .selectAll()
    .where('tenant_id', '=', w.alice.tenantId)
    .execute();
  return rows.map((row) => JSON.parse(JSON.stringify(row)) as unknown);
}

/** The last push of `event` a client received, whenever it came. */
export function lastPush(client: TestClient, event: string): unknown[] {
  const found = client.events.filter((e) => e.event === event).at(-1);
  if (!found) throw new Error(`no ${event} push`);
  return found.args;
}
