// Pipeline benchmark, as deployed: N HTTP monitors at an interval of S seconds, checked by the
// real roles in their own processes against a loopback target whose access log says when
// each check happened.
//
//   npm run bench:pipeline -- --monitors 40000 --tenants 8 --interval 20 --seconds 60 --workers 2
//   npm run bench:pipeline -- --mode embedded --monitors 2000 --interval 20 --seconds 60
//
// distributed (default): one API node, --workers worker processes and one scheduler, each
//   `apps/<role>/dist/main.js` in its own process, on a fresh Postgres database and a unique
//   Redis key prefix (both removed at the end); with --own-redis, on a redis-server of the
//   benchmark's own (as the chaos suite starts it), so Redis figures are the run's alone.
// embedded: `apps/all-in-one/dist/main.js` alone, on PGlite in a temporary data directory:
//   what `npm start` runs with nothing configured.
//
// The monitors are written before the roles start, as a backup import writes them, in
// --tenants tenants; each monitor checks its own path of the target (/m/<n>). The target is
// nginx (a generated config in a temporary directory) or, without nginx, a Node server in
// its own process writing the same log. After the warm-up (the first interval, plus one
// more for the monitors to settle on their spread slots) the benchmark measures --seconds of
// steady state and prints:
// - checks/s achieved against expected, the interval error at the target (gap between two
//   checks of one monitor − interval) p50/p99/max, and the slots in which a monitor was not
//   checked;
// - CPU per process from /proc (utime + stime over the window): each role, every Postgres
//   process, redis-server, and their total per check; apart, not counted: the target, the
//   benchmark itself, and the Postgres backends of the run's database (part of "every
//   Postgres process", which on a shared server includes other work); RSS;
// - per check: Redis commands (INFO commandstats of the whole server) and the database's
//   transactions and rows written (pg_stat_database); heartbeat storage per beat
//   (growth over the window) and per day;
// - the roles' own counters from their operator metrics: checks run, deferred (tenant
//   fairness) and claimed, and the average beat batch;
// - with --login-probe, a Kuma client's login during the window: time to the ack, to
//   monitorList and to every list, and the bytes on the wire.
// With --cpu-prof <dir>, each role writes a V8 CPU profile there when it stops (startup and
// warm-up included; its samples carry times, so the window can be cut out of it).
// Also: --warmup <s> (default two intervals, from the first check seen), --concurrency <n>
// (each worker's WORKER_CONCURRENCY), --target auto|nginx|node, --skip-build (dist/ is
// current).
// It depends only on the roles' environment, HTTP, Socket.IO and the repositories, so the
// same file measures older commits too. Figures depend on what else runs on the machine: the
// printout says how busy it was. Never part of `npm test`.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import type { Kysely } from 'kysely';
import { configureSecrets, openDatabase, type Database } from '@watchpost/core/db';
import {
  createTestDatabase,
  TEST_REDIS_URL,
  TEST_ROLE_ENV,
  uniqueRedisPrefix,
} from '@watchpost/core/testing';
import { analyseChecks, parseAccessLog } from './pipeline/access-log.js';
import { startCheckTarget } from './pipeline/check-target.js';
import { freePort } from './support/free-port.js';
import { probeKumaLogin, type LoginProbeResult } from './pipeline/login-probe.js';
import {
  cpuBetween,
  readMachineCpu,
  readRssBytes,
  findProcesses,
  sampleCpu,
  type CpuSubject,
} from './pipeline/process-cpu.js';
import { printReport, type PipelineReport, type ProcessFigures } from './pipeline/report.js';
import {
  assertRunning,
  ROOT,
  spawnRole,
  waitForHealthy,
  type RoleProcess,
} from './pipeline/roles.js';
import { pipelineCountersBetween, scrapeRoleCounters } from './pipeline/role-metrics.js';
import { seedMonitors, type SeededTenant } from './pipeline/seed-monitors.js';
import { startOwnRedis } from '../test/support/chaos/own-redis.js';
import {
  countersPerCheck,
  findDatabaseBackends,
  measureHeartbeatStorage,
  readPostgresCounters,
  readRedisCommands,
  type ServerCounters,
} from './pipeline/server-counters.js';

const { values } = parseArgs({
  options: {
    mode: { type: 'string', default: 'distributed' },
    monitors: { type: 'string', default: '2000' },
    interval: { type: 'string', default: '20' },
    seconds: { type: 'string', default: '60' },
    workers: { type: 'string', default: '1' },
    tenants: { type: 'string', default: '1' },
    // Seconds from the first check to the window; default two intervals.
    warmup: { type: 'string' },
    // WORKER_CONCURRENCY of each worker; the role's default when omitted.
    concurrency: { type: 'string' },
    target: { type: 'string', default: 'auto' },
    'login-probe': { type: 'boolean', default: false },
    // A redis-server of the benchmark's own, so its CPU and command counts are the run's alone.
    'own-redis': { type: 'boolean', default: false },
    'skip-build': { type: 'boolean', default: false },
    'cpu-prof': { type: 'string' },
  },
});
const positive = (name: string, text: string | undefined): number => {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive whole number`);
  return n;
};
if (values.mode !== 'distributed' && values.mode !== 'embedded') {
  throw new Error('--mode must be distributed or embedded');
}
if (values.target !== 'auto' && values.target !== 'nginx' && values.target !== 'node') {
  throw new Error('--target must be auto, nginx or node');
}
const mode = values.mode;
const monitors = positive('monitors', values.monitors);
const intervalSec = positive('interval', values.interval);
const seconds = positive('seconds', values.seconds);
const workers = positive('workers', values.workers);
const tenants = positive('tenants', values.tenants);
const warmupSec = values.warmup === undefined ? 2 * intervalSec : positive('warmup', values.warmup);
const concurrency =
  values.concurrency === undefined ? undefined : positive('concurrency', values.concurrency);
if (mode === 'embedded' && workers !== 1)
  throw new Error('--workers applies to distributed mode only');

const nodeArgs =
  values['cpu-prof'] === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${values['cpu-prof']}`];

const DATABASE_BACKENDS = "postgres: this database's backends";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

/** Undoes what the run set up, last first, whatever failed. */
const cleanups: (() => Promise<unknown>)[] = [];
async function cleanUp(): Promise<void> {
  for (const step of cleanups.reverse()) {
    await step().catch((error: unknown) => console.error('clean-up failed:', error));
  }
  cleanups.length = 0;
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => void cleanUp().then(() => process.exit(130)));
}
// A reader that goes away (`| head`) must not end the run before its clean-up.
process.stdout.on('error', () => {});

interface Deployment {
  roles: RoleProcess[];
  apiUrl: string;
  tenants: SeededTenant[];
  /** Distributed only: the database and Redis the roles use, for counters. */
  db: Kysely<Database> | null;
  redis: Redis | null;
  /** The redis-server serving the roles: its pid, or all of them on a shared server. */
  redisProcess: CpuSubject | null;
  /** Stops the roles (cleanups still remove the data). */
  stopRoles(): Promise<void>;
}

async function deployDistributed(urlOf: (n: number) => string): Promise<Deployment> {
  const database = await createTestDatabase();
  cleanups.push(() => database.drop());
  const seeded = await seedMonitors(database.db, { monitors, tenants, intervalSec, urlOf });
  const prefix = uniqueRedisPrefix('bench-pipeline');
  let redisUrl = TEST_REDIS_URL;
  let redisProcess: CpuSubject = { name: 'redis (shared server)', comm: 'redis-server' };
  if (values['own-redis']) {
    const port = await freePort();
    const own = await startOwnRedis(port);
    cleanups.push(() => own.destroy());
    redisUrl = own.url;
    const [pid] = findProcesses('redis-server', `:${port}`);
    if (pid === undefined) throw new Error('the own redis-server was not found in /proc');
    redisProcess = { name: 'redis (own)', pid };
  }
  const redis = new Redis(redisUrl);
  cleanups.push(async () => {
    const keys = await redis.keys(`${prefix}:*`);
    for (let i = 0; i < keys.length; i += 1000) await redis.del(...keys.slice(i, i + 1000));
    await redis.quit();
  });
  const port = await freePort();
  const env = {
    DATABASE_URL: database.url,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: prefix,
    ...(concurrency !== undefined && { WORKER_CONCURRENCY: String(concurrency) }),
  };
  const roles = [
    await spawnRole('api', 'api', { ...env, PORT: String(port), HOST: '127.0.0.1' }, { nodeArgs }),
  ];
  for (let i = 1; i <= workers; i++) {
    roles.push(await spawnRole(`worker ${i}`, 'worker', env, { nodeArgs }));
  }
  roles.push(await spawnRole('scheduler', 'scheduler', env, { nodeArgs }));
  const stopRoles = async () => {
    await Promise.all(roles.map((role) => role.stop()));
  };
  cleanups.push(stopRoles);
  return {
    roles,
    apiUrl: `http://127.0.0.1:${port}`,
    tenants: seeded,
    db: database.db,
    redis,
    redisProcess,
    stopRoles,
  };
}

async function deployEmbedded(dataDir: string, urlOf: (n: number) => string): Promise<Deployment> {
  // Written before the process starts: PGlite has one owner at a time. The secrets key is the
  // one the all-in-one process gets from TEST_ROLE_ENV.
  await configureSecrets(TEST_ROLE_ENV, { kind: 'pglite', dataDir });
  const database = await openDatabase({ kind: 'pglite', dataDir });
  const seeded = await seedMonitors(database.db, { monitors, tenants, intervalSec, urlOf });
  await database.close();
  const port = await freePort();
  const role = await spawnRole(
    'all-in-one',
    'all-in-one',
    {
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      ...(concurrency !== undefined && { WORKER_CONCURRENCY: String(concurrency) }),
    },
    { unset: ['DATABASE_URL', 'REDIS_URL', 'REDIS_PREFIX'], nodeArgs },
  );
  const stopRoles = () => role.stop();
  cleanups.push(stopRoles);
  return {
    roles: [role],
    apiUrl: `http://127.0.0.1:${port}`,
    tenants: seeded,
    db: null,
    redis: null,
    redisProcess: null,
    stopRoles,
  };
}

async function readCounters(deployment: Deployment): Promise<ServerCounters | null> {
  if (!deployment.db || !deployment.redis) return null;
  return {
    redisCommands: await readRedisCommands(deployment.redis),
    postgres: await readPostgresCounters(deployment.db),
  };
}

/** Seconds until the target's log holds a first check (the log is flushed every second). */
async function waitForFirstCheck(logFile: string, roles: readonly RoleProcess[]): Promise<void> {
  for (let i = 0; i < 600; i++) {
    assertRunning(roles);
    const text = await readFile(logFile, 'utf8').catch(() => '');
    if (parseAccessLog(text).length > 0) return;
    await sleep(500);
  }
  throw new Error('no check reached the target within 5 minutes');
}

async function run(): Promise<void> {
  if (!values['skip-build']) {
    // The roles run from dist/, as deployed; incremental, so a second run costs seconds.
    execFileSync(
      'npx',
      [
        'tsc',
        '-b',
        ...['packages/core', 'apps/api', 'apps/worker', 'apps/scheduler', 'apps/all-in-one'].map(
          (dir) => `${dir}/tsconfig.build.json`,
        ),
      ],
      { cwd: ROOT, stdio: 'inherit' },
    );
  }
  const dir = await mkdtemp(join(tmpdir(), 'watchpost-bench-pipeline-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const target = await startCheckTarget(dir, values.target as 'auto' | 'nginx' | 'node');
  cleanups.push(() => target.stop());
  const dataDir = join(dir, 'data');
  const deployment =
    mode === 'embedded'
      ? await deployEmbedded(dataDir, target.urlOf)
      : await deployDistributed(target.urlOf);
  await waitForHealthy(deployment.apiUrl, deployment.roles);
  await waitForFirstCheck(target.logFile, deployment.roles);
  console.error(
    `target ${target.description}; first check seen, warming up for ${warmupSec} s, then measuring ${seconds} s`,
  );
  await sleep(warmupSec * 1000);
  assertRunning(deployment.roles);

  const targetName = `target (${target.description})`;
  // Postgres and Redis may serve others too: the backends of this database are shown apart
  // (not counted twice), so a run on a busy machine can still be read.
  const subjectsNow = async (): Promise<CpuSubject[]> => [
    ...deployment.roles.map((role) => ({ name: role.name, pid: role.pid })),
    ...(deployment.db
      ? [
          { name: 'postgres', comm: 'postgres' },
          deployment.redisProcess!,
          { name: DATABASE_BACKENDS, pids: await findDatabaseBackends(deployment.db) },
        ]
      : []),
    { name: targetName, pid: target.pid },
  ];
  const loadAverageBefore = loadAverage();
  const metricsUrls = deployment.roles.map((role) => role.metricsUrl);
  const roleCountersStart = await scrapeRoleCounters(metricsUrls);
  const countersStart = await readCounters(deployment);
  const storageStart = deployment.db ? await measureHeartbeatStorage(deployment.db) : null;
  const machineStart = readMachineCpu();
  const benchStart = process.cpuUsage();
  const subjects = await subjectsNow();
  const cpuStart = sampleCpu(subjects);
  const fromMs = cpuStart.atMs;

  // The probe logs in a quarter into the window, as the first tenant's user.
  let probe: Promise<LoginProbeResult | null> | null = null;
  for (let elapsed = 0; elapsed < seconds; elapsed++) {
    if (values['login-probe'] && probe === null && elapsed >= seconds / 4) {
      const [first] = deployment.tenants;
      probe = probeKumaLogin(deployment.apiUrl, first!, first!.monitors).catch((error: unknown) => {
        console.error('login probe failed:', error);
        return null;
      });
    }
    await sleep(fromMs + (elapsed + 1) * 1000 - Date.now());
    assertRunning(deployment.roles);
  }
  const cpuEnd = sampleCpu(await subjectsNow());
  const toMs = cpuEnd.atMs;
  const bench = process.cpuUsage(benchStart);
  const machineEnd = readMachineCpu();
  const countersEnd = await readCounters(deployment);
  const roleCountersEnd = await scrapeRoleCounters(metricsUrls);
  const loadAverageAfter = loadAverage();
  const rss = new Map<string, number | null>(
    deployment.roles.map((role) => [role.name, readRssBytes(role.pid)]),
  );
  const redisPid =
    deployment.redisProcess && 'pid' in deployment.redisProcess
      ? deployment.redisProcess.pid
      : findProcesses('redis-server')[0];
  if (deployment.redisProcess) {
    rss.set(deployment.redisProcess.name, redisPid === undefined ? null : readRssBytes(redisPid));
  }
  rss.set(targetName, readRssBytes(target.pid));
  rss.set('benchmark', process.memoryUsage().rss);
  const loginProbe = probe ? await probe : null;

  // The target writes its log out every second.
  await sleep(2500);
  const seen = parseAccessLog(await readFile(target.logFile, 'utf8'));
  const checks = analyseChecks(seen, { fromMs, toMs, intervalMs: intervalSec * 1000, monitors });
  const windowSeconds = (toMs - fromMs) / 1000;

  const cpu = cpuBetween(cpuStart, cpuEnd);
  const processes: ProcessFigures[] = subjects.map((subject) => ({
    name: subject.name,
    counted: subject.name !== targetName && subject.name !== DATABASE_BACKENDS,
    processes: cpu.get(subject.name)?.processes ?? 0,
    cpuSeconds: cpu.get(subject.name)?.cpuSeconds ?? 0,
    rssBytes: rss.get(subject.name) ?? null,
  }));
  processes.push({
    name: 'benchmark',
    counted: false,
    processes: 1,
    cpuSeconds: (bench.user + bench.system) / 1e6,
    rssBytes: rss.get('benchmark') ?? null,
  });
  const totalCpu = processes.filter((p) => p.counted).reduce((sum, p) => sum + p.cpuSeconds, 0);

  let storage: Awaited<ReturnType<typeof measureHeartbeatStorage>>;
  if (deployment.db) {
    storage = await measureHeartbeatStorage(deployment.db);
  } else {
    await deployment.stopRoles();
    const database = await openDatabase({ kind: 'pglite', dataDir });
    storage = await measureHeartbeatStorage(database.db);
    await database.close();
  }
  // Growth over the window where it was measured: the empty partitions made ahead and the
  // indexes' first pages would otherwise weigh on a short run.
  const bytesPerBeat =
    storageStart && storage.rows > storageStart.rows
      ? (storage.bytes - storageStart.bytes) / (storage.rows - storageStart.rows)
      : storage.rows > 0
        ? storage.bytes / storage.rows
        : 0;

  const report: PipelineReport = {
    setup: {
      mode,
      monitors,
      interval: intervalSec,
      tenants,
      ...(mode === 'distributed' && { workers }),
      ...(concurrency !== undefined && { concurrency }),
      warmup: warmupSec,
      seconds,
      target: target.description,
      loginProbe: values['login-probe'],
      ...(mode === 'distributed' && { ownRedis: values['own-redis'] }),
      at: new Date(fromMs).toISOString(),
    },
    machine: {
      loadAverageBefore,
      loadAverageAfter,
      busyCores:
        ((machineEnd.busy - machineStart.busy) / (machineEnd.total - machineStart.total)) *
        cpus().length,
      cores: cpus().length,
    },
    windowSeconds,
    checks,
    processes,
    totalCpuMsPerCheck: (totalCpu * 1000) / Math.max(1, checks.checks),
    counters:
      countersStart && countersEnd
        ? countersPerCheck(countersStart, countersEnd, checks.checks, windowSeconds)
        : null,
    heartbeats: {
      ...storage,
      bytesPerBeat,
      bytesPerDay: bytesPerBeat * checks.expectedPerSecond * 86_400,
    },
    pipeline: pipelineCountersBetween(roleCountersStart, roleCountersEnd),
    loginProbe,
  };
  printReport(report);
}

try {
  await run();
} finally {
  await cleanUp();
}
