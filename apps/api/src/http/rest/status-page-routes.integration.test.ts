import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createApiTestContext,
  insertMonitor,
  type ApiTestContext,
} from '../../testing/api-test-context.js';
import {
  createRestTenant,
  expectRestError,
  rest,
  type RestTenant,
} from '../../testing/rest-test-kit.js';

let ctx: ApiTestContext;
let alice: RestTenant;
let bob: RestTenant;
const call = (method: string, path: string, options?: Parameters<typeof rest>[3]) =>
  rest(ctx.node.url, method, path, options);

/** The page as a logged-out visitor's JSON sees it. */
async function publicGroups(slug: string) {
  const response = await fetch(`${ctx.node.url}/api/status-page/${slug}`);
  expect(response.status).toBe(200);
  const body = (await response.json()) as {
    config: { title: string };
    publicGroupList: { name: string; monitorList: { id: number }[] }[];
  };
  return {
    title: body.config.title,
    groups: body.publicGroupList.map((g) => ({
      name: g.name,
      ids: g.monitorList.map((m) => m.id),
    })),
  };
}

beforeAll(async () => {
  ctx = await createApiTestContext('rest-status-pages');
  alice = await createRestTenant(ctx, 'alice');
  bob = await createRestTenant(ctx, 'bob');
});
afterAll(() => ctx.close());

describe('PUT /status-pages/{slug}', () => {
  it('saves settings and groups as the editor does, and a bad save changes nothing', async () => {
    const monitor = await insertMonitor(ctx.db, alice.user.tenantId, { name: 'alice web' });
    const created = await call('POST', '/status-pages', {
      credential: alice.writeKey,
      body: { title: 'Alice', slug: 'alice-rest' },
    });
    expect(created.status).toBe(201);

    const saved = await call('PUT', '/status-pages/alice-rest', {
      credential: alice.writeKey,
      body: {
        config: { slug: 'alice-rest', title: 'Alice services', published: true },
        publicGroupList: [{ name: 'Web', monitorList: [{ id: monitor }] }],
      },
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ slug: 'alice-rest', title: 'Alice services' });
    const stored = await publicGroups('alice-rest');
    expect(stored).toEqual({ title: 'Alice services', groups: [{ name: 'Web', ids: [monitor] }] });

    const refused = await call('PUT', '/status-pages/alice-rest', {
      credential: alice.writeKey,
      body: { config: { slug: 'alice-rest', title: '' }, publicGroupList: [] },
    });
    expectRestError(refused, 400, 'invalid-input');
    expect(await publicGroups('alice-rest')).toEqual(stored);

    const readOnly = await call('PUT', '/status-pages/alice-rest', {
      credential: alice.readKey,
      body: { config: { slug: 'alice-rest', title: 'Read key' }, publicGroupList: [] },
    });
    expect(readOnly.status).toBe(403);
    expect(await publicGroups('alice-rest')).toEqual(stored);
  });

  it("answers another tenant's slug like an unknown one, and never lists its monitors", async () => {
    const bobs = await insertMonitor(ctx.db, bob.user.tenantId, { name: 'bob secret' });
    await call('POST', '/status-pages', {
      credential: bob.writeKey,
      body: { title: 'Bob', slug: 'bob-rest' },
    });
    const body = { config: { slug: 'bob-rest', title: 'Taken over' }, publicGroupList: [] };
    const foreign = await call('PUT', '/status-pages/bob-rest', {
      credential: alice.writeKey,
      body,
    });
    const unknown = await call('PUT', '/status-pages/nobody-rest', {
      credential: alice.writeKey,
      body,
    });
    expect(foreign.status).toBe(404);
    expect(foreign.body).toEqual(unknown.body);
    const bobsView = await call('GET', '/status-pages/bob-rest', { credential: bob.readKey });
    expect(bobsView.body.title).toBe('Bob');

    await call('POST', '/status-pages', {
      credential: alice.writeKey,
      body: { title: 'Alice two', slug: 'alice-two' },
    });
    await call('PUT', '/status-pages/alice-two', {
      credential: alice.writeKey,
      body: {
        config: { slug: 'alice-two', title: 'Alice two', published: true },
        publicGroupList: [{ name: 'Borrowed', monitorList: [{ id: bobs }] }],
      },
    });
    const groups = (await publicGroups('alice-two')).groups;
    expect(groups.flatMap((g) => g.ids)).not.toContain(bobs);
  });
});
