import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { formatDateTimeMs } from '@watchpost/core';
import { connectKumaTestClient, waitFor } from '@watchpost/core/testing';
import { freePort, spawnRole, type RoleProcess } from '../processes.js';
import { waitForHealthy } from '../wait-for-healthy.js';
import { instantOf, startAlertReceiver } from './alert-receiver.js';
import {
  figuresOf,
  type DueAlert,
  type FaultFigures,
  type FaultWindow,
  type ReceivedBeat,
  type StoredBeat,
} from './fault-figures.js';
import { followHeartbeats, type FollowingClient } from './following-client.js';
import { startOwnPostgres, type OwnPostgres } from './own-postgres.js';
import { startOwnRedis, type OwnRedis } from './own-redis.js';
import { startSlowTarget } from './slow-target.js';

export const FAULTS = [
  'kill worker',
  'kill scheduler',
  'kill api',
  'restart redis',
  'flushall redis',
  'stop postgres',
  'sigterm all',
] as const;
export type Fault = (typeof FAULTS)[number];

export interface ChaosOptions {
  faults: readonly Fault[];
  monitors: number;
  /** Monitors of a target that goes down and up, each flip alerting a webhook. */
  alertingMonitors: number;
  intervalSeconds: number;
  /** How long the target takes to answer, so faults land in the middle of checks. */
  checkDelayMs: number;
  /** How long each fault is watched before the next. */
  observeMs: number;
  /** How long Postgres stays stopped. */
  postgresDownMs: number;
  log(line: string): void;
}

export interface ChaosResult {
  figures: FaultFigures[];
  /** Exit codes of the roles stopped with SIGTERM under load (0: stopped cleanly). */
  sigtermExitCodes: (number | null)[];
  /** Every role's output, for a failing assertion to show. */
  output(): string;
}

const ROLES = {
  'api-a': 'apps/api/dist/main.js',
  'api-b': 'apps/api/dist/main.js',
  'worker-a': 'apps/worker/dist/main.js',
  'worker-b': 'apps/worker/dist/main.js',
  'scheduler-a': 'apps/scheduler/dist/main.js',
  'scheduler-b': 'apps/scheduler/dist/main.js',
} as const;
type RoleName = keyof typeof ROLES;

/**
 * Runs the distributed roles as processes on a Postgres and a Redis of their own, injects
 * each fault in turn under a steady load of HTTP checks, and measures what the clients and
 * the database saw (fault-figures.ts). Needs the compiled roles (`npm run build`).
 */
export async function runChaos(options: ChaosOptions): Promise<ChaosResult> {
  const { log } = options;
  const intervalMs = options.intervalSeconds * 1000;
  const cleanups: (() => Promise<unknown>)[] = [];
  const outputs: string[] = [];
  const roles = new Map<RoleName, RoleProcess>();
  try {
    const postgres: OwnPostgres = await startOwnPostgres(await freePort());
    cleanups.push(() => postgres.destroy());
    const redis: OwnRedis = await startOwnRedis(await freePort());
    cleanups.push(() => redis.destroy());
    // Flips every three intervals: each flip is one alert.
    const target = await startSlowTarget(options.checkDelayMs, 3 * intervalMs);
    cleanups.push(() => target.close());
    const alerts = await startAlertReceiver();
    cleanups.push(() => alerts.close());

    const apiPorts = { 'api-a': await freePort(), 'api-b': await freePort() };
    const urls = [apiPorts['api-a'], apiPorts['api-b']].map((p) => `http://127.0.0.1:${p}`);
    const env = {
      DATABASE_URL: postgres.url('watchpost'),
      REDIS_URL: redis.url,
      REDIS_PREFIX: 'chaos',
      MIN_INTERVAL_SECONDS: '1',
      // A killed worker's checks run again within about 2 × 2 s (bullmq-consumer.ts); 1 s
      // locks lapse on this busy machine while their worker is merely slow.
      JOB_LOCK_SECONDS: '2',
      CLAIM_LEASE_SECONDS: '5',
      HOST: '127.0.0.1',
    };
    const spawn = (name: RoleName) => {
      const port: Record<string, string> =
        name === 'api-a' || name === 'api-b' ? { PORT: String(apiPorts[name]) } : {};
      const role = spawnRole(name, ROLES[name], { ...env, ...port });
      const previous = roles.get(name);
      if (previous) outputs.push(`--- ${name} (earlier)\n${previous.output()}`);
      roles.set(name, role);
      return role;
    };
    const roleNames = Object.keys(ROLES) as RoleName[];
    // All at once, on a database nobody created: the roles wait for each other.
    for (const name of roleNames) spawn(name);
    for (const url of urls) await waitForHealthy(url, [...roles.values()]);

    const setupClient = await connectKumaTestClient(urls[0]!, { callTimeoutMs: 10_000 });
    await setupClient.call('setup', 'admin', 'secret123');
    const token = await setupClient.login({ username: 'admin', password: 'secret123' });
    const hook = await setupClient.call<{ id: number }>(
      'addNotification',
      {
        name: 'chaos alerts',
        type: 'webhook',
        webhookURL: alerts.url,
        webhookContentType: 'json',
        isDefault: false,
        applyExisting: false,
      },
      null,
    );
    const monitor = (name: string, url: string, notificationIDList: Record<number, boolean>) =>
      setupClient.call('add', {
        type: 'http',
        name,
        url,
        interval: options.intervalSeconds,
        retryInterval: options.intervalSeconds,
        maxretries: 0,
        timeout: 5,
        accepted_statuscodes: ['200-299'],
        notificationIDList,
      });
    for (let i = 0; i < options.monitors; i++) await monitor(`steady ${i}`, target.url, {});
    for (let i = 0; i < options.alertingMonitors; i++) {
      await monitor(`flapping ${i}`, target.flappingUrl, { [hook.id]: true });
    }
    setupClient.close();

    const received: ReceivedBeat[] = [];
    const clients: FollowingClient[] = [
      followHeartbeats('client-a', urls, token, received),
      followHeartbeats('client-b', [...urls].reverse(), token, received),
    ];
    cleanups.push(async () => clients.forEach((c) => c.close()));
    await sleep(3 * intervalMs);

    const kill = async (name: RoleName) => {
      const role = roles.get(name)!;
      const exited = new Promise((resolve) => role.child.once('exit', resolve));
      role.child.kill('SIGKILL');
      await exited;
    };
    const windows: FaultWindow[] = [];
    let sigtermExitCodes: (number | null)[] = [];
    for (const fault of options.faults) {
      log(`fault: ${fault}`);
      // Inject while checks are in flight, not between two waves.
      // (A deployment that checks nothing any more gets the fault all the same; the figures
      // then show it.)
      await waitFor(() => target.inFlight() > 0, { timeoutMs: 10_000, intervalMs: 5 }).catch(() =>
        log(`no check in flight before ${fault}`),
      );
      const at = Date.now();
      const half = options.observeMs / 2;
      switch (fault) {
        case 'kill worker':
          await kill('worker-a');
          await sleep(half);
          spawn('worker-a');
          break;
        case 'kill scheduler':
          await kill('scheduler-a');
          await sleep(half);
          spawn('scheduler-a');
          break;
        case 'kill api':
          await kill('api-a');
          await sleep(half);
          spawn('api-a');
          break;
        case 'restart redis':
          await redis.restart();
          break;
        case 'flushall redis':
          await redis.flushAll();
          break;
        case 'stop postgres':
          await postgres.stop();
          await sleep(options.postgresDownMs);
          await postgres.start();
          break;
        case 'sigterm all':
          sigtermExitCodes = await Promise.all(roleNames.map((n) => roles.get(n)!.stop()));
          for (const name of roleNames) spawn(name);
          // Watched from when the deployment is back, so the window sees it catch up.
          for (const url of urls) await waitForHealthy(url, [...roles.values()]);
          break;
      }
      await sleep(options.observeMs - (fault.startsWith('kill') ? half : 0));
      windows.push({ fault, at, until: Date.now() });
    }

    await waitForDeliveries(env.DATABASE_URL);
    await Promise.all([...roles.values()].map((r) => r.stop()));
    clients.forEach((c) => c.close());
    const record = {
      ...(await readRecord(env.DATABASE_URL)),
      received,
      receivedAlerts: alerts.received,
      intervalMs,
      clients: clients.map((c) => c.name),
    };
    const figures = windows.map((w) => figuresOf(w, record));
    return {
      figures,
      sigtermExitCodes,
      output: () =>
        [...outputs, ...[...roles.entries()].map(([n, r]) => `--- ${n}\n${r.output()}`)].join('\n'),
    };
  } finally {
    await Promise.all([...roles.values()].map((r) => r.stop()));
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  }
}

async function query<R extends pg.QueryResultRow>(databaseUrl: string, text: string): Promise<R[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<R>(text)).rows;
  } finally {
    await client.end();
  }
}

/** Lets the alerts of the last fault go out before the roles stop (a pending one is not lost). */
async function waitForDeliveries(databaseUrl: string): Promise<void> {
  await waitFor(
    async () => {
      const [row] = await query<{ pending: string }>(
        databaseUrl,
        "SELECT count(*) AS pending FROM notification_deliveries WHERE status = 'pending'",
      );
      return Number(row?.pending) === 0;
    },
    { timeoutMs: 30_000, intervalMs: 250, what: 'pending alerts to go out' },
  ).catch(() => {});
}

async function readRecord(
  databaseUrl: string,
): Promise<{ stored: StoredBeat[]; dueAlerts: DueAlert[] }> {
  const beats = await query<{ monitor_id: number; time: Date }>(
    databaseUrl,
    'SELECT monitor_id, time FROM heartbeats ORDER BY monitor_id, time',
  );
  const deliveries = await query<{ monitor_id: number; time: string; created_at: Date }>(
    databaseUrl,
    "SELECT monitor_id, beat->>'time' AS time, created_at FROM notification_deliveries WHERE kind = 'beat'",
  );
  return {
    stored: beats.map((r) => ({
      monitorId: Number(r.monitor_id),
      at: r.time.getTime(),
      wireTime: formatDateTimeMs(r.time),
    })),
    dueAlerts: deliveries.map((r) => ({
      monitorId: Number(r.monitor_id),
      wireTime: instantOf(r.time),
      at: r.created_at.getTime(),
    })),
  };
}
