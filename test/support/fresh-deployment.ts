import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';
import { expect } from 'vitest';
import {
  connectKumaTestClient,
  TEST_POSTGRES_URL,
  TEST_REDIS_URL,
  uniqueRedisPrefix,
  type KumaTestClient,
} from '@watchpost/core/testing';

/**
 * The address of a database that does not exist yet (the first API node creates it) and a
 * Redis prefix of its own; `drop` removes both.
 */
export function freshDistributedEnv(label: string) {
  const name = `watchpost_${label}_${randomBytes(5).toString('hex')}`;
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  const env = {
    DATABASE_URL: url.toString(),
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: uniqueRedisPrefix(label),
    MIN_INTERVAL_SECONDS: '1',
  };
  return {
    env,
    async drop(): Promise<void> {
      const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).finally(() => admin.end());
      const redis = new Redis(TEST_REDIS_URL);
      const keys = await redis.keys(`${env.REDIS_PREFIX}:*`);
      if (keys.length > 0) await redis.del(...keys);
      await redis.quit();
    },
  };
}

/** The status and JSON body of a health path. */
export async function health(
  base: string,
  path: '/healthz/live' | '/healthz/ready',
): Promise<{ status: number; body: unknown } | null> {
  const response = await fetch(`${base}${path}`).catch(() => null);
  if (!response) return null;
  return { status: response.status, body: await response.json() };
}

/**
 * Sets up the first account of a fresh deployment over Socket.IO, adds an HTTP monitor of
 * `url` at a 1 s interval and waits for its first heartbeat.
 */
export async function setUpAndSeeFirstBeat(apiUrl: string, targetUrl: string): Promise<void> {
  const client: KumaTestClient = await connectKumaTestClient(apiUrl, { callTimeoutMs: 10_000 });
  try {
    expect(await client.call('setup', 'admin', 'secret123')).toMatchObject({ ok: true });
    await client.login({ username: 'admin', password: 'secret123' });
    const created = await client.call<{ ok: boolean; monitorID: number }>('add', {
      type: 'http',
      name: 'first',
      url: targetUrl,
      interval: 1,
      accepted_statuscodes: ['200-299'],
      notificationIDList: {},
    });
    expect(created.ok).toBe(true);
    await client.waitFor('heartbeat', {
      match: (a) => (a[0] as { monitorID: number }).monitorID === created.monitorID,
      includePast: true,
      timeoutMs: 45_000,
    });
  } finally {
    client.close();
  }
}
