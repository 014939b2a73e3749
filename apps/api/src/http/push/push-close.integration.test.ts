import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisSocketAdapter } from '@watchpost/core/compose';
import { createRedisChangeBus } from '@watchpost/core/changes';
import { createPostgresDb } from '@watchpost/core/db';
import type { TenantWatch } from '@watchpost/core/realtime';
import { parseApiConfig } from '../../config.js';
import { startApi, type RunningApi } from '../../start-api.js';
import {
  createApiTestContext,
  httpMonitorPayload,
  type ApiTestContext,
  type TestClient,
} from '../../testing/api-test-context.js';

// Stopping an API node (SIGTERM: close the node, then its pool and Redis) must not cut off the
// statistics a push's reply left running: they are one query away from the other nodes' sockets.

let ctx: ApiTestContext;
let alice: TestClient;

beforeAll(async () => {
  ctx = await createApiTestContext('push-close');
  alice = await ctx.connect();
  await alice.login(await ctx.createUser('alice'));
});
afterAll(async () => ctx?.close());

/** A watch that says every tenant is watched once `open` is called, and holds the asker till then. */
function gatedWatch(): { watch: TenantWatch; open(): void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { watch: { isWatched: () => opened.then(() => true) }, open };
}

/** A node with its own pool, stopped the way main.ts stops one: the node, then its pool. */
async function startOwnNode(watch: TenantWatch) {
  const db = createPostgresDb({ connectionString: ctx.databaseUrl, maxConnections: 2 });
  const [pub, sub] = [ctx.redis(), ctx.redis()];
  const api: RunningApi = await startApi({
    db,
    socketAdapter: createRedisSocketAdapter(pub, sub, ctx.redisPrefix),
    watchTenants: () => ({ watch, stop: () => undefined }),
    changeBus: createRedisChangeBus(pub, sub, ctx.redisPrefix),
    logger: ctx.logger,
    config: parseApiConfig({ PORT: '0', HOST: '127.0.0.1' }, 'embedded'),
  });
  return {
    url: `http://127.0.0.1:${api.port}`,
    stop: async () => {
      await api.close();
      await db.destroy();
    },
  };
}

describe('closing an API node', () => {
  it('waits for the statistics a push started before its pool is closed', async () => {
    const { monitorID } = await alice.call<{ monitorID: number }>(
      'add',
      httpMonitorPayload({
        type: 'push',
        name: 'cron',
        url: null,
        pushToken: 'closing0push0token',
      }),
    );
    const gate = gatedWatch();
    const node = await startOwnNode(gate.watch);
    const heartbeat = alice.waitFor('heartbeat', {
      match: ([beat]) => (beat as { monitorID: number }).monitorID === monitorID,
    });
    const reply = await fetch(`${node.url}/api/push/closing0push0token?status=up`);
    expect(await reply.json()).toEqual({ ok: true });
    await heartbeat;

    // The statistics wait at the gate. It opens when the node and its pool are closed, or
    // after a second if closing is still waiting, as it should, for the statistics.
    const stopped = node.stop();
    await Promise.race([stopped, sleep(1_000)]);
    gate.open();
    await stopped;

    await alice.waitFor('uptime', { match: ([id]) => id === monitorID });
    expect(ctx.logs.map((line) => line.msg)).not.toContain('could not publish monitor statistics');
  });
});
