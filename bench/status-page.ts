// Status page benchmark: one API node (its own process, on the real Postgres and Redis)
// serving a page of 100 monitors with 30 beats and 90 days of history each.
//
//   npm run bench:status-page -- --seconds 10 --connections 32 --paints 7
//
// Prints the HTML's size (raw and gzipped), requests/s and latency (p50, p99) of the page
// from the node's cache, gzipped as browsers ask and plain, measured by wrk in its own
// process (autocannon in a child process when wrk is missing), and first paint / first
// contentful paint in headless Chromium at 375 px and 1280 px (median of --paints loads,
// each in a fresh browser context), next to a one-line page's loaded in turn.
import { spawn } from 'node:child_process';
import { createServer as createHttpServer } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { Redis } from 'ioredis';
import { chromium } from 'playwright-core';
import { tenantRepository } from '@watchpost/core/db';
import {
  createTestDatabase,
  seedStatusPageWithHistory,
  TEST_REDIS_URL,
  TEST_ROLE_ENV,
  uniqueRedisPrefix,
} from '@watchpost/core/testing';
import { pickLoadGenerator } from './load-generator.js';

const { values } = parseArgs({
  options: {
    monitors: { type: 'string', default: '100' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '32' },
    paints: { type: 'string', default: '7' },
    chromium: { type: 'string', default: '/usr/bin/chromium' },
    wrk: { type: 'string', default: '/usr/bin/wrk' },
  },
});
const ROOT = fileURLToPath(new URL('../', import.meta.url));

const t = await createTestDatabase();
const prefix = uniqueRedisPrefix('bench-status-page');
const { tenantId } = await tenantRepository.createTenantWithAdmin(t.db, {
  name: 'bench',
  username: 'bench',
  passwordHash: 'x',
});
const { slug } = await seedStatusPageWithHistory(t.db, tenantId, {
  monitors: Number(values.monitors),
});

const port = await freePort();
const api = spawn(process.execPath, [`${ROOT}apps/api/dist/main.js`], {
  cwd: ROOT,
  env: {
    ...process.env,
    DATABASE_URL: t.url,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: prefix,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    ...TEST_ROLE_ENV,
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const origin = `http://127.0.0.1:${port}`;
for (;;) {
  const res = await fetch(`${origin}/healthz`).catch(() => null);
  if (res?.ok) break;
  await new Promise((r) => setTimeout(r, 200));
}
const pageUrl = `${origin}/status/${slug}`;

const html = await (await fetch(pageUrl)).text();
const bytes = Buffer.byteLength(html);
console.log(`monitors=${values.monitors}, one API node, built from dist/ (npm run build first)`);
console.log(
  `HTML size: ${(bytes / 1024).toFixed(1)} KB raw, ${(gzipSync(html).length / 1024).toFixed(1)} KB gzipped ` +
    `(${(html.match(/<i /g) ?? []).length} bar segments)`,
);

// Browsers send Accept-Encoding: gzip, and get the compressed copy kept with the entry.
const gzip = { 'accept-encoding': 'gzip' };
const load = pickLoadGenerator(values.wrk);
console.log(`load generator: ${load.name}, ${values.connections} connections`);
for (const [name, url, headers] of [
  ['page HTML (cached, gzip)', pageUrl, gzip],
  ['page HTML (cached, plain)', pageUrl, {}],
  ['page JSON (cached, gzip)', `${origin}/api/status-page/${slug}`, gzip],
  ['page JSON (cached, plain)', `${origin}/api/status-page/${slug}`, {}],
  ['page heartbeats (cached, gzip)', `${origin}/api/status-page/heartbeat/${slug}`, gzip],
] as const) {
  const options = { url, headers, connections: Number(values.connections) };
  await load.measure({ ...options, seconds: 3 });
  const result = await load.measure({ ...options, seconds: Number(values.seconds) });
  console.log(
    `${name.padEnd(31)} ${result.requestsPerSecond.toFixed(0).padStart(6)} req/s  ` +
      `p50 ${result.p50Ms.toFixed(2)} ms  p99 ${result.p99Ms.toFixed(2)} ms  ` +
      `(failures ${result.failures})`,
  );
}

const browser = await chromium.launch({
  executablePath: values.chromium,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
// Chromium's own floor on this machine at this moment: a one-line page from a bare server,
// loaded in turn with the status page so that both see the same load.
const floor = createHttpServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  response.end('<!doctype html><html lang="en"><meta charset="utf-8"><title>x</title><p>One line.');
});
await new Promise<void>((resolve) => floor.listen(0, '127.0.0.1', resolve));
const floorUrl = `http://127.0.0.1:${(floor.address() as AddressInfo).port}/`;

interface Paint {
  fp: number;
  fcp: number;
  /** The renderer's main-thread CPU time to `load` and first contentful paint: steadier than wall time on a busy machine. */
  cpuMs: number;
  layoutMs: number;
  styleMs: number;
}

async function paintOf(url: string, width: number): Promise<Paint> {
  const context = await browser.newContext({ viewport: { width, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  // Thread ticks: the durations below count CPU time, not time spent waiting for a core.
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await page.goto(url, { waitUntil: 'load' });
  // A string: this runs in the page, whose Performance API Node's types do not describe.
  // Paint entries are queued after the frame, so on a busy machine they may not exist yet
  // at `load`: wait for first-contentful-paint with a buffered observer.
  const paint = await page.evaluate<{ fp: number; fcp: number }>(`new Promise((resolve) => {
    const at = (name) => performance.getEntriesByType('paint').find((e) => e.name === name)?.startTime ?? NaN;
    const done = () => resolve({ fp: at('first-paint'), fcp: at('first-contentful-paint') });
    new PerformanceObserver((list) => {
      if (list.getEntries().some((e) => e.name === 'first-contentful-paint')) done();
    }).observe({ type: 'paint', buffered: true });
    setTimeout(done, 10000);
  })`);
  const { metrics } = await cdp.send('Performance.getMetrics');
  const seconds = (name: string) => (metrics.find((m) => m.name === name)?.value ?? NaN) * 1000;
  await context.close();
  return {
    ...paint,
    cpuMs: seconds('ThreadTime'),
    layoutMs: seconds('LayoutDuration'),
    styleMs: seconds('RecalcStyleDuration'),
  };
}

const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const ms = (xs: number[]) => `${median(xs).toFixed(0)} ms`;
for (const width of [375, 1280]) {
  const paints: Paint[] = [];
  const floorPaints: Paint[] = [];
  for (let i = 0; i < Number(values.paints); i++) {
    paints.push(await paintOf(pageUrl, width));
    floorPaints.push(await paintOf(floorUrl, width));
  }
  console.log(
    `first paint at ${width} px: median ${ms(paints.map((p) => p.fp))}, ` +
      `first contentful paint ${ms(paints.map((p) => p.fcp))} ` +
      `(${paints.length} cold loads, page served from cache; a one-line page: ` +
      `${ms(floorPaints.map((p) => p.fcp))})`,
  );
  console.log(
    `  main-thread CPU to load and first contentful paint: ${ms(paints.map((p) => p.cpuMs))} ` +
      `(layout ${ms(paints.map((p) => p.layoutMs))}, style ${ms(paints.map((p) => p.styleMs))}; ` +
      `one-line page ${ms(floorPaints.map((p) => p.cpuMs))})`,
  );
}
floor.close();
await browser.close();

await new Promise((resolve) => {
  api.once('exit', resolve);
  api.kill('SIGTERM');
});
const redis = new Redis(TEST_REDIS_URL);
const keys = await redis.keys(`${prefix}:*`);
if (keys.length > 0) await redis.del(...keys);
await redis.quit();
await t.drop();

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
