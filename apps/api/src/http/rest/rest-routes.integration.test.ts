import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createApiTestContext,
  httpMonitorPayload,
  insertMonitor,
  type ApiTestContext,
} from '../../testing/api-test-context.js';
import {
  createRestTenant,
  expectRestError,
  rest,
  type RestTenant,
} from '../../testing/rest-test-kit.js';
import type { RestRoute } from './rest-route.js';
import { restRoutes } from './rest-routes.js';

// The table itself, read for its metadata; requests go to the real server.
const ROUTES = restRoutes({ endApiKeySessions: async () => {} });

let ctx: ApiTestContext;
let alice: RestTenant;
let bob: RestTenant;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the parsed OpenAPI document, walked by path
let document: any;
const call = (method: string, path: string, options?: Parameters<typeof rest>[3]) =>
  rest(ctx.node.url, method, path, options);

/** Path parameter values naming one tenant's own resources, by resource (tag) and name. */
type Owned = Record<string, Record<string, string>>;

async function createResources(owner: RestTenant, label: string): Promise<Owned> {
  const as = { credential: owner.token };
  const monitor = await insertMonitor(ctx.db, owner.user.tenantId, { name: `${label} monitor` });
  const tag = await call('POST', '/tags', {
    ...as,
    body: { name: `${label} tag`, color: '#123456' },
  });
  await call('POST', `/monitors/${monitor}/tags`, {
    ...as,
    body: { tagId: tag.body.id, value: 'v' },
  });
  const notification = await call('POST', '/notifications', {
    ...as,
    body: { name: `${label} hook`, type: 'webhook', webhookURL: 'http://127.0.0.1:1/' },
  });
  const maintenance = await call('POST', '/maintenance', {
    ...as,
    body: { title: `${label} window`, strategy: 'manual' },
  });
  const slug = `${label}-page`;
  await call('POST', '/status-pages', { ...as, body: { title: `${label} page`, slug } });
  const key = await call('POST', '/api-keys', {
    ...as,
    body: { name: `${label} extra`, scope: 'read' },
  });
  for (const created of [tag, notification, maintenance, key]) expect(created.status).toBe(201);
  const monitorIds = { id: String(monitor), tagId: String(tag.body.id) };
  return {
    monitors: monitorIds,
    heartbeats: monitorIds,
    tags: monitorIds,
    tagsById: { id: String(tag.body.id) },
    notifications: { id: String(notification.body.id) },
    maintenance: { id: String(maintenance.body.id) },
    'status-pages': { slug },
    'api-keys': { id: String(key.body.id) },
  };
}

/** A route's path with the owner's resources filled in. */
function pathFor(route: RestRoute, owned: Owned): string {
  // `/tags/{id}` names a tag; `/monitors/{id}/tags…` a monitor.
  const values = route.path.startsWith('/tags/') ? owned['tagsById'] : owned[route.tag];
  return route.path.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(values?.[name] ?? 'x'),
  );
}

/** A body each route accepts (so a refusal is about who asks, not what is sent). */
function sampleBody(route: RestRoute, label: string, owned: Owned): unknown {
  switch (route.operationId) {
    case 'createMonitor':
    case 'replaceMonitor':
      return httpMonitorPayload({ name: `${label} made`, active: false });
    case 'updateMonitor':
      return { description: `${label} patched` };
    case 'createTag':
    case 'replaceTag':
      return { name: `${label} tag ${Math.random()}`, color: '#654321' };
    case 'addMonitorTag':
      return { tagId: Number(owned['tagsById']?.['id']), value: 'second' };
    case 'createNotification':
    case 'replaceNotification':
      return { name: `${label} hook 2`, type: 'webhook', webhookURL: 'http://127.0.0.1:1/' };
    case 'testUnsavedNotification':
      return { name: 'probe', type: 'webhook', webhookURL: 'http://127.0.0.1:1/' };
    case 'createStatusPage':
      return { title: 'another', slug: `${label}-p${Math.floor(Math.random() * 1e9)}` };
    case 'replaceStatusPage': {
      const slug = owned['status-pages']?.['slug'];
      return { config: { slug, title: `${label} page renamed` }, publicGroupList: [] };
    }
    case 'postIncident':
      return { title: 'Down', content: 'Looking into it', style: 'danger' };
    case 'createMaintenance':
    case 'replaceMaintenance':
      return { title: `${label} window 2`, strategy: 'manual' };
    case 'createApiKey':
      return { name: `${label} key`, scope: 'read' };
    default:
      return undefined;
  }
}

const QUERIES: Record<string, string> = { getMonitorUptime: '?window=30d' };

beforeAll(async () => {
  ctx = await createApiTestContext('rest-routes');
  alice = await createRestTenant(ctx, 'alice');
  bob = await createRestTenant(ctx, 'bob');
  document = (await call('GET', '/openapi.json')).body;
});
afterAll(() => ctx.close());

describe('the OpenAPI document', () => {
  it('lists exactly the routes the server registers', () => {
    const registered = ctx.node.api.routes
      .filter((r) => r.url.startsWith('/api/v1/') && !['HEAD', 'OPTIONS'].includes(r.method))
      .map((r) => `${r.method} ${r.url.slice('/api/v1'.length).replace(/:(\w+)/g, '{$1}')}`)
      .filter((r) => !/^\S+ \/(openapi\.json|docs|\*)$/.test(r));
    const documented = Object.entries(document.paths as Record<string, object>).flatMap(
      ([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(new Set(registered)).toEqual(new Set(documented));
    expect(documented).toHaveLength(ROUTES.length);
    expect(document.openapi).toBe('3.1.0');
  });

  it('is browsable at /api/v1/docs as one page that loads nothing else', async () => {
    const response = await fetch(`${ctx.node.url}/api/v1/docs`);
    const html = await response.text();
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    for (const route of ROUTES) expect(html).toContain(`id="${route.operationId}"`);
    expect(html).not.toMatch(/<script|<link|src=/);
  });
});

describe('every route', () => {
  let aliceOwned: Owned;
  let bobOwned: Owned;
  beforeAll(async () => {
    aliceOwned = await createResources(alice, 'alice');
    bobOwned = await createResources(bob, 'bob');
  });

  it('refuses a missing or wrong credential with 401 and a read key with 403 on writes', async () => {
    for (const route of ROUTES) {
      const path = pathFor(route, aliceOwned) + (QUERIES[route.operationId] ?? '');
      const body = sampleBody(route, 'alice', aliceOwned);
      const label = `${route.method} ${route.path}`;
      const none = await call(route.method, path, { body });
      expect(none.status, label).toBe(401);
      expectRestError(none, 401, 'not-logged-in');
      expectRestError(
        await call(route.method, path, { body, credential: 'uk1_wrong' }),
        401,
        'not-logged-in',
      );
      const read = await call(route.method, path, { body, credential: alice.readKey });
      if (route.scope === 'read') expect(read.status, label).toBeLessThan(300);
      else expectRestError(read, 403, 'permission-denied');
      if (route.scope === 'account') {
        expectRestError(
          await call(route.method, path, { body, credential: alice.writeKey }),
          403,
          'permission-denied',
        );
      }
    }
  });

  it("answers another tenant's ids 404, like unknown ones, and changes nothing of theirs", async () => {
    const bobBefore = await snapshot(bob);
    for (const route of ROUTES.filter((r) => r.path.includes('{'))) {
      const path = pathFor(route, bobOwned) + (QUERIES[route.operationId] ?? '');
      const body = sampleBody(route, 'alice', aliceOwned);
      const response = await call(route.method, path, { body, credential: alice.token });
      expect(response.status, `${route.method} ${path}`).toBe(404);
      expectRestError(response, 404, 'not-found');
    }
    expect(await snapshot(bob)).toEqual(bobBefore);
  });

  it('succeeds for its owner with the documented status and a body the document describes', async () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    // Deletes last, a sub-resource's before its parent's, so every route finds what it acts on.
    const rank = (r: RestRoute) => (r.method === 'DELETE' ? 1000 - r.path.length : 0);
    const ordered = [...ROUTES].sort((a, b) => rank(a) - rank(b));
    for (const route of ordered) {
      const path = pathFor(route, aliceOwned) + (QUERIES[route.operationId] ?? '');
      const response = await call(route.method, path, {
        credential: alice.token,
        body: sampleBody(route, 'alice', aliceOwned),
      });
      const label = `${route.method} ${path}: ${JSON.stringify(response.body)}`;
      expect(response.status, label).toBe(route.status);
      expect(response.headers.get('ratelimit-limit')).toMatch(/^\d+$/);
      const operation = document.paths[route.path][route.method.toLowerCase()];
      const schema =
        operation.responses[String(route.status)].content?.['application/json']?.schema;
      if (route.status === 204) {
        expect(response.body).toBeNull();
        continue;
      }
      // Shared schemas are $refs into the document's components.
      const validate = ajv.compile({ ...schema, components: document.components });
      expect(validate(response.body), `${label}\n${JSON.stringify(validate.errors)}`).toBe(true);
      if (route.status === 201) expect(response.headers.get('location')).toMatch(/^\/api\/v1\//);
    }
  });
});

/** What bob's tenant holds, as bob reads it. */
async function snapshot(owner: RestTenant): Promise<unknown> {
  const read = async (path: string) => (await call('GET', path, { credential: owner.token })).body;
  return {
    monitors: await read('/monitors'),
    tags: await read('/tags'),
    notifications: await read('/notifications'),
    maintenance: (
      (await read('/maintenance')) as { data: { id: number; title: string; active: boolean }[] }
    ).data.map(({ id, title, active }) => ({ id, title, active })),
    statusPages: await read('/status-pages'),
    apiKeys: ((await read('/api-keys')) as { data: { id: number; active: number }[] }).data.map(
      ({ id, active }) => ({
        id,
        active,
      }),
    ),
  };
}
