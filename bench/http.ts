// HTTP benchmark of one API node (its own process, on the real Postgres and Redis) with N
// monitors that each have a recent beat and certificate facts:
//
//   npm run bench:http -- --monitors 10000 --seconds 10 --connections 32
//
// Measures a cached badge (one URL again and again), uncached badges (a different monitor
// and label on every request, so each one queries and renders), a status page of 100
// monitors (its JSON and heartbeat list, cached and uncached), and the tenant /metrics
// scrape with an API key. Prints requests/s and latency percentiles for each.
import { spawn } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import { sql } from 'kysely';
import { Pool } from 'undici';
import { UP, type CertInfo } from '@watchpost/core';
import {
  apiKeyRepository,
  heartbeatRepository,
  logoInputSchema,
  publicGroupListSchema,
  statusPageConfigSchema,
  statusPageRepository,
  tenantRepository,
} from '@watchpost/core/db';
import {
  createTestDatabase,
  TEST_REDIS_URL,
  TEST_ROLE_ENV,
  uniqueRedisPrefix,
} from '@watchpost/core/testing';

const { values } = parseArgs({
  options: {
    monitors: { type: 'string', default: '10000' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '32' },
    // The production default; `info` adds a log line per request.
    'log-level': { type: 'string', default: 'info' },
  },
});
const monitors = Number(values.monitors);
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const ROOT = fileURLToPath(new URL('../', import.meta.url));

const t = await createTestDatabase();
const prefix = uniqueRedisPrefix('bench-http');
const { tenantId, userId } = await tenantRepository.createTenantWithAdmin(t.db, {
  name: 'bench',
  username: 'bench',
  passwordHash: 'x',
});
await sql`
  INSERT INTO monitors (tenant_id, name, type, url, check_interval, badges_public)
  SELECT ${tenantId}, 'monitor ' || g, 'http', 'https://example.com/' || g, 60, true
  FROM generate_series(1, ${monitors}) g
`.execute(t.db);
const ids = (await t.db.selectFrom('monitors').select('id').orderBy('id').execute()).map(
  (r) => r.id,
);
await sql`INSERT INTO monitor_state (monitor_id, tenant_id) SELECT id, tenant_id FROM monitors`.execute(
  t.db,
);
const validTo = new Date(Date.now() + 40 * 86_400_000).toISOString();
const benchCert: CertInfo = {
  subject: { CN: 'example.com' },
  issuer: { CN: 'Bench CA' },
  subjectaltname: 'DNS:example.com',
  valid_from: new Date().toISOString(),
  valid_to: validTo,
  fingerprint: 'AA:BB',
  fingerprint256: 'AA:BB:CC',
  serialNumber: '01',
  validTo,
  validFor: ['example.com'],
  daysRemaining: 40,
  certType: 'server',
  issuerCertificate: null,
};
for (let i = 0; i < ids.length; i += 500) {
  await heartbeatRepository.recordBeats(
    t.db,
    ids.slice(i, i + 500).map((monitorId) => ({
      tenantId,
      monitorId,
      status: UP,
      msg: '200 - OK',
      time: new Date(),
      pingMs: 20 + (monitorId % 50),
      durationSec: 60,
      downCount: 0,
      important: false,
      retries: 0,
      nextDueAt: new Date(Date.now() + 60_000),
      tls: { valid: true, certInfo: benchCert },
    })),
  );
}
// A status page showing the first 100 monitors, as a public page usually does.
const PAGE = 'bench';
await statusPageRepository.createStatusPage(t.db, tenantId, { title: 'Bench', slug: PAGE });
await statusPageRepository.saveStatusPage(t.db, tenantId, PAGE, {
  config: statusPageConfigSchema.parse({ slug: PAGE, title: 'Bench' }),
  logo: logoInputSchema.parse('/icon.svg'),
  groups: publicGroupListSchema.parse([
    { name: 'Services', monitorList: ids.slice(0, 100).map((id) => ({ id })) },
  ]),
  now: new Date(),
});
const { key } = await apiKeyRepository.createApiKey(t.db, tenantId, userId, {
  name: 'bench',
  expires: null,
  expiresAt: null,
  active: true,
  scope: 'read',
});

const port = await freePort();
const api = spawn(
  process.execPath,
  ['--conditions=source', '--import', 'tsx', `${ROOT}apps/api/src/main.ts`],
  {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: t.url,
      REDIS_URL: TEST_REDIS_URL,
      ...TEST_ROLE_ENV,
      REDIS_PREFIX: prefix,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: values['log-level'],
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  },
);
const origin = `http://127.0.0.1:${port}`;
for (;;) {
  const res = await fetch(`${origin}/healthz`).catch(() => null);
  if (res?.ok) break;
  await new Promise((r) => setTimeout(r, 200));
}
const pool = new Pool(origin, { connections, pipelining: 1 });

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** `concurrency` loops, each sending its next request when the last one answered. */
async function measure(
  name: string,
  concurrency: number,
  durationMs: number,
  next: (i: number) => { path: string; headers?: Record<string, string> },
): Promise<void> {
  const latencies: number[] = [];
  let sent = 0;
  let failed = 0;
  const end = Date.now() + durationMs;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < end) {
        const { path, headers } = next(sent++);
        const t0 = performance.now();
        const res = await pool.request({ method: 'GET', path, headers });
        await res.body.arrayBuffer();
        latencies.push(performance.now() - t0);
        if (res.statusCode !== 200) failed++;
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  console.log(
    `${name.padEnd(34)} ${(latencies.length / elapsed).toFixed(0).padStart(6)} req/s  ` +
      `p50 ${percentile(latencies, 50).toFixed(1)} ms  p99 ${percentile(latencies, 99).toFixed(1)} ms  ` +
      `max ${percentile(latencies, 100).toFixed(1)} ms  (n=${latencies.length}, non-200 ${failed})`,
  );
}

const durationMs = seconds * 1000;
const cachedPath = `/api/badge/${ids[0]}/uptime/24`;
console.log(`monitors=${monitors} connections=${connections} ${seconds}s per case, one API node`);
// Warm-up: connections open, the JIT warm, the cached badge in the cache.
await measure('warm-up', connections, 2000, () => ({ path: cachedPath }));
await measure('cached badge (uptime/24)', connections, durationMs, () => ({ path: cachedPath }));
await measure('uncached badge (uptime/24)', connections, durationMs, (i) => ({
  path: `/api/badge/${ids[i % ids.length]}/uptime/24?label=r${i}`,
}));
await measure('uncached badge (status)', connections, durationMs, (i) => ({
  path: `/api/badge/${ids[i % ids.length]}/status?label=r${i}`,
}));
// The server-side cache keys on the full URL, so a query string that changes every time
// makes each request load the page.
await measure('status page JSON (cached)', connections, durationMs, () => ({
  path: `/api/status-page/${PAGE}`,
}));
await measure('status page JSON (uncached)', connections, durationMs, (i) => ({
  path: `/api/status-page/${PAGE}?r=${i}`,
}));
await measure('page heartbeats (cached)', connections, durationMs, () => ({
  path: `/api/status-page/heartbeat/${PAGE}`,
}));
await measure('page heartbeats (uncached)', connections, durationMs, (i) => ({
  path: `/api/status-page/heartbeat/${PAGE}?r=${i}`,
}));
const auth = { authorization: `Bearer ${key}` };
await measure(`/metrics, ${monitors} monitors, 1 scraper`, 1, durationMs, () => ({
  path: '/metrics',
  headers: auth,
}));

await pool.close();
await new Promise((resolve) => {
  api.once('exit', resolve);
  api.kill('SIGTERM');
});
const redis = new Redis(TEST_REDIS_URL);
const keys = await redis.keys(`${prefix}:*`);
if (keys.length > 0) await redis.del(...keys);
await redis.quit();
await t.drop();
