import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerInfo } from '@watchpost/core';
import {
  createApiTestContext,
  type ApiTestContext,
  type TestUser,
} from '../../testing/api-test-context.js';

// docs/protocol/settings.md#info-object: `publicPathPrefix` tells a session where its own
// tenant's public pages live, so the dashboard never reads or links another tenant's page of
// the same slug (docs/protocol/status-pages.md#tenants-and-custom-domains).

let ctx: ApiTestContext;
let first: TestUser;
let second: TestUser;

/** Logs `user` in, gives it a page `main` titled `title`, answers its post-login prefix. */
async function prefixWithPage(user: TestUser, title: string): Promise<string> {
  const client = await ctx.connect();
  try {
    await client.login(user);
    const [info] = (await client.waitFor('info', {
      includePast: true,
      match: (args) => (args[0] as ServerInfo).version !== undefined,
    })) as [ServerInfo];
    expect(await client.call('addStatusPage', title, 'main')).toMatchObject({ ok: true });
    return info.publicPathPrefix!;
  } finally {
    client.close();
  }
}

async function publishedTitle(path: string): Promise<string> {
  const response = await fetch(`${ctx.node.url}${path}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { config: { title: string } }).config.title;
}

beforeAll(async () => {
  ctx = await createApiTestContext('public-path', { mode: 'distributed' });
  first = await ctx.createUser('first');
  second = await ctx.createUser('second');
});
afterAll(async () => ctx?.close());

describe('the public path prefix of a session (two tenants, one slug)', () => {
  it("points each tenant at its own page, never at the other tenant's", async () => {
    const firstPrefix = await prefixWithPage(first, 'First tenant');
    const secondPrefix = await prefixWithPage(second, 'Second tenant');

    // The instance's first tenant keeps Kuma's plain paths; the other one gets its prefix.
    expect(firstPrefix).toBe('');
    expect(secondPrefix).toBe(`/t/${second.tenantId}`);
    expect(await publishedTitle(`${firstPrefix}/api/status-page/main`)).toBe('First tenant');
    expect(await publishedTitle(`${secondPrefix}/api/status-page/main`)).toBe('Second tenant');

    const html = await fetch(`${ctx.node.url}${secondPrefix}/status/main`);
    expect(html.status).toBe(200);
    const body = await html.text();
    expect(body).toContain('Second tenant');
    expect(body).not.toContain('First tenant');
  });

  it('is absent before login, when nothing says which tenant a socket means', async () => {
    const client = await ctx.connect();
    try {
      const [info] = (await client.waitFor('info', { includePast: true })) as [ServerInfo];
      expect(info).not.toHaveProperty('publicPathPrefix');
    } finally {
      client.close();
    }
  });
});
