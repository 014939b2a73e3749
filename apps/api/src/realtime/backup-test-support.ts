import { expect } from 'vitest';
import type { TestClient, ApiTestContext, TestUser } from '../testing/api-test-context.js';

// Shared by the uploadBackup test files: calling the event and reading a tenant back
// through the API only.

export function upload(
  client: TestClient,
  backup: Record<string, unknown> | string,
  mode: string,
): Promise<{ ok: boolean; msg: string }> {
  const text = typeof backup === 'string' ? backup : JSON.stringify(backup);
  return client.call('uploadBackup', text, mode);
}

/**
 * What a tenant's clients can see of everything an import may change: the login burst's
 * lists, read by a fresh session, and `getTags`.
 */
export async function tenantView(ctx: ApiTestContext, user: TestUser) {
  const reader = await ctx.connect();
  // A token login: password logins are rate limited, and tests read back often.
  let token = tokens.get(user.username);
  if (token === undefined) {
    token = await reader.login(user);
    tokens.set(user.username, token);
  } else {
    expect(await reader.call('loginByToken', token)).toEqual({ ok: true });
  }
  const latest = async (event: string) => (await reader.waitFor(event, { includePast: true }))[0];
  const view = {
    monitorList: await latest('monitorList'),
    notificationList: await latest('notificationList'),
    proxyList: await latest('proxyList'),
    tags: ((await reader.call('getTags')) as { tags: unknown }).tags,
  };
  reader.close();
  return view;
}

const tokens = new Map<string, string>();

/** The names of the events that arrived since `mark`, acks included, in arrival order. */
export function eventsSince(client: TestClient, mark: number): string[] {
  return client.events.slice(mark).map((e) => e.event);
}
