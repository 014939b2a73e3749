// Pipeline benchmark: N HTTP monitors at an interval of S seconds, checked for T seconds by
// the real scheduler and worker against a local HTTP target (its own process).
//
//   npm run bench:pipeline -- --monitors 1000 --interval 10 --seconds 60 [--mode embedded]
//
// distributed (default): Postgres and Redis; the scheduler runs as its own process, the
//   worker in this one.
// embedded: what `npm start` runs with nothing configured: PGlite in a temporary data
//   directory, the in-process queue and due set, scheduler and worker both in this process.
//
// Prints checks/s completed, heartbeats/s persisted, lateness (check start − due time) and
// the CPU of this process.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import { sql, type Kysely } from 'kysely';
import { pino } from 'pino';
import { openDatabase, tenantRepository, type Database } from '@watchpost/core/db';
import {
  createBullmqCheckConsumer,
  createInProcessCheckQueue,
  createMemoryDueSet,
  createRedisDueSet,
} from '@watchpost/core/queue';
import { createMemoryChangeBus } from '@watchpost/core/changes';
import { createRedisTenantEvents } from '@watchpost/core/realtime';
import {
  createTestDatabase,
  TEST_REDIS_URL,
  TEST_ROLE_ENV,
  uniqueRedisPrefix,
} from '@watchpost/core/testing';
import { startScheduler } from '../apps/scheduler/src/start-scheduler.js';
import { startWorker } from '../apps/worker/src/start-worker.js';
import type { WorkerObserver } from '../apps/worker/src/worker-observer.js';

const { values } = parseArgs({
  options: {
    mode: { type: 'string', default: 'distributed' },
    monitors: { type: 'string', default: '1000' },
    interval: { type: 'string', default: '10' },
    seconds: { type: 'string', default: '60' },
    concurrency: { type: 'string', default: '200' },
  },
});
if (values.mode !== 'distributed' && values.mode !== 'embedded') {
  throw new Error('--mode must be distributed or embedded');
}
const mode = values.mode;
const monitors = Number(values.monitors);
const intervalSec = Number(values.interval);
const seconds = Number(values.seconds);
const concurrency = Number(values.concurrency);
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const logger = pino({ level: 'warn' });

function child(entry: string, env: Record<string, string> = {}) {
  return spawn(process.execPath, ['--conditions=source', '--import', 'tsx', `${ROOT}${entry}`], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const stopped = (process: ChildProcess) =>
  new Promise((resolve) => {
    process.once('exit', resolve);
    process.kill('SIGTERM');
  });

// Samples are only kept once the first interval has passed, when every monitor has been
// placed on its slot and the pipeline runs in its steady state.
let measuring = false;
const lateness: number[] = [];
const batchSizes: number[] = [];
let checks = 0;
const observer: WorkerObserver = {
  checkStarted(ms) {
    if (measuring) lateness.push(ms);
  },
  checkDeferred() {},
  checkFinished(_type, status) {
    if (measuring && status !== 'skipped') checks++;
  },
  beatsWritten(size) {
    if (measuring) batchSizes.push(size);
  },
  deliveryAttempted() {},
};

async function seed(db: Kysely<Database>, targetUrl: string): Promise<void> {
  const { tenantId } = await tenantRepository.createTenantWithAdmin(db, {
    name: 'bench',
    username: 'bench',
    passwordHash: 'x',
  });
  await sql`
    INSERT INTO monitors (tenant_id, name, type, url, check_interval, maxretries)
    SELECT ${tenantId}, 'm' || g, 'http', ${targetUrl}, ${intervalSec}, 0
    FROM generate_series(1, ${monitors}) g
  `.execute(db);
  await sql`
    INSERT INTO monitor_state (monitor_id, tenant_id) SELECT id, tenant_id FROM monitors
  `.execute(db);
}

/** Starts the roles of one mode on a seeded database; answers how to stop them. */
async function startDistributed(targetUrl: string) {
  const t = await createTestDatabase();
  await seed(t.db, targetUrl);
  const prefix = uniqueRedisPrefix('bench');
  const env = {
    DATABASE_URL: t.url,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: prefix,
    ...TEST_ROLE_ENV,
  };
  const scheduler = child('apps/scheduler/src/main.ts', env);
  const bull = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
  const redis = new Redis(TEST_REDIS_URL, { enableAutoPipelining: true });
  const worker = await startWorker({
    db: t.db,
    consumer: createBullmqCheckConsumer({
      connection: bull,
      prefix,
      concurrency,
      onError: (err) => logger.error({ err }, 'queue error'),
    }),
    dueSet: createRedisDueSet(redis, prefix),
    // The benchmark edits no monitor while it runs: nothing to hear about.
    changes: createMemoryChangeBus(),
    events: createRedisTenantEvents(redis, prefix),
    logger,
    beatBatchSize: 500,
    beatBatchWaitMs: 10,
    observer,
  });
  return {
    db: t.db,
    async stop() {
      await worker.close();
      await stopped(scheduler);
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length > 0) await redis.del(...keys);
      await Promise.all([bull.quit(), redis.quit()]);
      await t.drop();
    },
  };
}

async function startEmbedded(targetUrl: string) {
  const dataDir = await mkdtemp(join(tmpdir(), 'watchpost-bench-'));
  const database = await openDatabase({ kind: 'pglite', dataDir });
  await seed(database.db, targetUrl);
  const queue = createInProcessCheckQueue({
    concurrency,
    onError: (err) => logger.error({ err }, 'queue error'),
  });
  const dueSet = createMemoryDueSet();
  const changes = createMemoryChangeBus();
  const worker = await startWorker({
    db: database.db,
    consumer: queue,
    dueSet,
    changes,
    // No browser is connected: the API's Socket.IO server would drop them the same way.
    events: { emit: () => {} },
    logger,
    beatBatchSize: 500,
    beatBatchWaitMs: 10,
    observer,
  });
  const scheduler = await startScheduler({
    db: database.db,
    dueSet,
    checkQueue: queue,
    changes,
    logger,
    tickMs: 50,
    leaseMs: 120_000,
    reconcileEveryMs: 30_000,
    retentionDays: null,
  });
  return {
    db: database.db,
    async stop() {
      await scheduler.close();
      await worker.close();
      await database.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

const target = child('bench/http-target.ts');
const targetPort = await new Promise<number>((resolve) =>
  target.stdout!.once('data', (d: Buffer) => resolve(Number(String(d).trim()))),
);
const targetUrl = `http://127.0.0.1:${targetPort}/`;
const roles =
  mode === 'embedded' ? await startEmbedded(targetUrl) : await startDistributed(targetUrl);

console.log(
  `mode=${mode} monitors=${monitors} interval=${intervalSec}s concurrency=${concurrency} ` +
    `warm-up=${intervalSec}s measure=${seconds}s`,
);
await new Promise((r) => setTimeout(r, intervalSec * 1000));
measuring = true;
const cpuStart = process.cpuUsage();
const start = Date.now();
const countBeats = async () =>
  Number(
    (await sql<{ n: number }>`SELECT count(*)::int8 AS n FROM heartbeats`.execute(roles.db))
      .rows[0]!.n,
  );
const beatsAtStart = await countBeats();
await new Promise((r) => setTimeout(r, seconds * 1000));
const elapsed = (Date.now() - start) / 1000;
measuring = false;
const beatsPersisted = (await countBeats()) - beatsAtStart;
const cpu = process.cpuUsage(cpuStart);

lateness.sort((a, b) => a - b);
const expected = (monitors / intervalSec) * elapsed;
console.log(
  `checks/s completed:    ${(checks / elapsed).toFixed(1)} (expected ${(expected / elapsed).toFixed(1)})`,
);
console.log(`heartbeats/s persisted: ${(beatsPersisted / elapsed).toFixed(1)}`);
console.log(
  `lateness ms: p50 ${percentile(lateness, 50).toFixed(1)}  p99 ${percentile(lateness, 99).toFixed(1)}  ` +
    `max ${percentile(lateness, 100).toFixed(1)}  (n=${lateness.length})`,
);
const avgBatch = batchSizes.reduce((a, b) => a + b, 0) / Math.max(1, batchSizes.length);
console.log(`beat batches: ${batchSizes.length}, avg size ${avgBatch.toFixed(1)}`);
const roleCpu = mode === 'embedded' ? 'scheduler + worker + PGlite' : 'worker';
console.log(
  `${roleCpu} process CPU: ${(((cpu.user + cpu.system) / 1e6 / elapsed) * 100).toFixed(0)}% of one core`,
);

await roles.stop();
await stopped(target);
