import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { waitFor } from '@watchpost/core/testing';

export interface OwnRedis {
  url: string;
  /** SHUTDOWN (the append-only file is kept), then the same server again on the same port. */
  restart(): Promise<void>;
  flushAll(): Promise<void>;
  destroy(): Promise<void>;
}

/**
 * A redis-server of the chaos suite's own, with the append-only file on as in
 * docker-compose.yml, so it can be restarted and wiped without touching the shared one.
 */
export async function startOwnRedis(port: number): Promise<OwnRedis> {
  const dir = await mkdtemp(join(tmpdir(), 'watchpost-chaos-redis-'));
  const url = `redis://127.0.0.1:${port}`;
  let server: ChildProcess | undefined;
  const admin = () => {
    const client = new Redis(url, {
      lazyConnect: true,
      maxRetriesPerRequest: 1,
      retryStrategy: () => null,
    });
    client.on('error', () => {});
    return client;
  };

  async function start() {
    server = spawn(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--dir',
        dir,
        '--save',
        '',
        '--appendonly',
        'yes',
      ],
      { stdio: 'ignore' },
    );
    server.unref();
    await spawnedRedisAnswers(url);
  }
  async function shutdown() {
    const exited = new Promise((resolve) => server?.once('exit', resolve));
    const client = admin();
    await client.connect().catch(() => {});
    // The connection closes as the server exits, so the command never answers.
    await client.call('SHUTDOWN').catch(() => {});
    client.disconnect();
    await exited;
  }
  await start();
  return {
    url,
    async restart() {
      await shutdown();
      await start();
    },
    async flushAll() {
      const c = admin();
      await c.flushall();
      await c.quit();
    },
    async destroy() {
      await shutdown().catch(() => {});
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function spawnedRedisAnswers(url: string): Promise<void> {
  await waitFor(
    async () => {
      const c = new Redis(url, { lazyConnect: true, retryStrategy: () => null });
      c.on('error', () => {});
      try {
        await c.connect();
        return (await c.ping()) === 'PONG';
      } finally {
        c.disconnect();
      }
    },
    { timeoutMs: 10_000, intervalMs: 100, what: 'the chaos Redis' },
  );
}
