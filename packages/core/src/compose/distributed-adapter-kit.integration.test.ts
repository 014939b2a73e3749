import { Writable } from 'node:stream';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_REDIS_URL, uniqueRedisPrefix } from '../testing/index.js';
import { createDistributedAdapterKit } from './distributed-adapter-kit.js';

// Only Redis is touched here: no test asks a kit for its database.
const DATABASE_URL = 'postgres://unused@127.0.0.1:1/unused';

const admin = new Redis(TEST_REDIS_URL);
const prefixes: string[] = [];
afterAll(async () => {
  for (const prefix of prefixes) {
    const keys = await admin.keys(`${prefix}:*`);
    if (keys.length > 0) await admin.del(...keys);
  }
  await admin.quit();
});

function prefix(): string {
  const p = uniqueRedisPrefix('kit');
  prefixes.push(p);
  return p;
}

/** The names of the connections open under `prefix`, from Redis's CLIENT LIST. */
async function openConnections(prefix: string): Promise<string[]> {
  const list = (await admin.client('LIST')) as string;
  return list
    .split('\n')
    .map((line) => /(?:^| )name=(\S*)/.exec(line)?.[1] ?? '')
    .filter((name) => name.startsWith(`${prefix}:`))
    .map((name) => name.slice(prefix.length + 1))
    .sort();
}

function recordingLogger() {
  const lines: Record<string, unknown>[] = [];
  const logger = pino(
    { level: 'warn' },
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
        done();
      },
    }),
  );
  return { logger, lines };
}

describe('distributed adapter kit', () => {
  it('opens only the Redis connections under the adapters a scheduler asks for', async () => {
    const redisPrefix = prefix();
    const kit = createDistributedAdapterKit(
      { databaseUrl: DATABASE_URL, redisUrl: TEST_REDIS_URL, redisPrefix },
      { role: 'scheduler', logger: pino({ level: 'silent' }) },
    );
    await kit.dueSet().scheduledIds();
    await kit.checkQueue().waitingCount();
    await kit.changeBus().subscribe(() => {});
    expect(await openConnections(redisPrefix)).toEqual(['changes-subscriber', 'commands']);
    await kit.close();
  });

  it('closes every connection it opened', async () => {
    const redisPrefix = prefix();
    const kit = createDistributedAdapterKit(
      { databaseUrl: DATABASE_URL, redisUrl: TEST_REDIS_URL, redisPrefix },
      { role: 'api', logger: pino({ level: 'silent' }) },
    );
    kit.socketAdapter();
    await kit.healthProbes().redis?.();
    await kit.changeBus().subscribeStatusPageChanges(() => {});
    expect(await openConnections(redisPrefix)).toEqual([
      'changes-subscriber',
      'commands',
      'socket-adapter-subscriber',
    ]);
    await kit.close();
    expect(await openConnections(redisPrefix)).toEqual([]);
  });

  it('logs each failed connection attempt once, though BullMQ re-emits it', async () => {
    const { logger, lines } = recordingLogger();
    const kit = createDistributedAdapterKit(
      { databaseUrl: DATABASE_URL, redisUrl: 'redis://127.0.0.1:1', redisPrefix: 'unreachable' },
      { role: 'scheduler', logger },
    );
    kit.dueSet();
    kit.checkQueue();
    await expect.poll(() => lines.length).toBeGreaterThan(1);
    for (const line of lines) {
      expect(line).toMatchObject({ msg: 'Redis error', client: 'commands' });
    }
    await kit.close();
  });
});
