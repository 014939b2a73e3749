// Status page benchmark: one API node (its own process, on the real Postgres and Redis)
// serving a page of 100 monitors with 30 beats and 90 days of history each.
//
//   npm run bench:status-page -- --seconds 10 --connections 32 --paints 7
//
// Prints the HTML's size (raw and gzipped), requests/s and latency (p50, p99) of the page
// from the node's cache, gzipped as browsers ask and plain, measured by wrk in its own
// process (autocannon in a child process when wrk is missing), and Chromium's own first
// paint / first contentful paint (the page's paint timing entries) in headless Chromium at
// 375 px and 1280 px: median of --paints loads, each in a fresh browser context, both in a
// tab that already shows a page of the site and in a new tab (whose renderer process the
// navigation starts), next to a one-line page's loaded in turn; also the time from the
// response's first byte to first contentful paint, and the renderer's main-thread CPU.
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
const floorOrigin = `http://127.0.0.1:${(floor.address() as AddressInfo).port}`;

/**
 * How a load starts. `new tab`: a fresh browser context whose first navigation also starts
 * the site's renderer process, which Chromium counts from the navigation's start, so both
 * pages pay it. `open tab`: a fresh context (empty cache, no cookies) whose tab already shows
 * a page of the same site, so its renderer runs, as for a visitor following a link.
 */
type Tab = 'new tab' | 'open tab';
const TABS: readonly Tab[] = ['open tab', 'new tab'];

interface Paint {
  /** Chromium's first paint and first contentful paint, from the navigation's start. */
  fp: number;
  fcp: number;
  /** First contentful paint from the response's first byte: the page's own cost. */
  fromFirstByte: number;
  /**
   * The renderer's main-thread CPU time spent on the page (parsing, style, layout, paint,
   * script) in the tasks that ended before first contentful paint: what holds the first
   * paint back, steadier than wall time on a busy machine.
   */
  beforePaintMs: number;
  /** All its main-thread CPU time to `load` and first contentful paint; in a new tab it includes starting the renderer. */
  cpuMs: number;
  layoutMs: number;
  styleMs: number;
}

async function paintOf(origin: string, path: string, width: number, tab: Tab): Promise<Paint> {
  const context = await browser.newContext({ viewport: { width, height: 800 } });
  const page = await context.newPage();
  // Any same-site page would do; this one sets nothing the measured page uses.
  if (tab === 'open tab') await page.goto(`${origin}/robots.txt`);
  const cdp = await context.newCDPSession(page);
  // Thread ticks: the durations below count CPU time, not time spent waiting for a core.
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const metrics = async () => {
    const { metrics: list } = await cdp.send('Performance.getMetrics');
    return (name: string) => (list.find((m) => m.name === name)?.value ?? NaN) * 1000;
  };
  // In an open tab the counters already hold the first page's share: counted from here.
  const before = tab === 'open tab' ? await metrics() : () => 0;
  const trace: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => trace.push(...(value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline',
    transferMode: 'ReportEvents',
  });
  await page.goto(`${origin}${path}`, { waitUntil: 'load' });
  // A string: this runs in the page, whose Performance API Node's types do not describe.
  // Paint entries are queued after the frame, so on a busy machine they may not exist yet
  // at `load`: wait for first-contentful-paint with a buffered observer.
  const paint = await page.evaluate<{
    fp: number;
    fcp: number;
    firstByte: number;
  }>(`new Promise((resolve) => {
    const at = (name) => performance.getEntriesByType('paint').find((e) => e.name === name)?.startTime ?? NaN;
    const done = () => resolve({
      fp: at('first-paint'),
      fcp: at('first-contentful-paint'),
      firstByte: performance.getEntriesByType('navigation')[0]?.responseStart ?? NaN,
    });
    new PerformanceObserver((list) => {
      if (list.getEntries().some((e) => e.name === 'first-contentful-paint')) done();
    }).observe({ type: 'paint', buffered: true });
    setTimeout(done, 10000);
  })`);
  const after = await metrics();
  const spent = (name: string) => after(name) - before(name);
  const traced = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  await traced;
  await context.close();
  return {
    fp: paint.fp,
    fcp: paint.fcp,
    fromFirstByte: paint.fcp - paint.firstByte,
    beforePaintMs: workBeforePaint(trace),
    cpuMs: spent('ThreadTime'),
    layoutMs: spent('LayoutDuration'),
    styleMs: spent('RecalcStyleDuration'),
  };
}

interface TraceEvent {
  name: string;
  ph: string;
  tid: number;
  /** Start and wall duration, µs. */
  ts: number;
  dur?: number;
  /** CPU time of the thread, µs. */
  tdur?: number;
}

// The renderer's own work on a page, as DevTools' timeline names it.
const PAGE_WORK = new Set([
  'ParseHTML',
  'EvaluateScript',
  'FunctionCall',
  'TimerFire',
  'FireAnimationFrame',
  'UpdateLayoutTree',
  'Layout',
  'PrePaint',
  'Paint',
]);

/** CPU ms of the page's work on the painting thread that ended before first contentful paint. */
function workBeforePaint(trace: readonly TraceEvent[]): number {
  const paint = trace.find((e) => e.name === 'firstContentfulPaint');
  if (!paint) return NaN;
  const work = trace
    .filter((e) => e.tid === paint.tid && e.ph === 'X' && PAGE_WORK.has(e.name))
    .filter((e) => e.ts + (e.dur ?? 0) <= paint.ts)
    .sort((a, b) => a.ts - b.ts);
  let total = 0;
  let end = -Infinity;
  // Work nested in work already counted (a layout a script forced) is not counted twice.
  for (const e of work) {
    if (e.ts < end) continue;
    total += (e.tdur ?? 0) / 1000;
    end = e.ts + (e.dur ?? 0);
  }
  return total;
}

// Loads whose trace lacks the paint are left out rather than counted as nothing.
const median = (xs: number[]) => {
  const known = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  return known[Math.floor(known.length / 2)] ?? NaN;
};
const ms = (xs: number[]) => `${median(xs).toFixed(0)} ms`;
for (const width of [375, 1280]) {
  for (const tab of TABS) {
    const paints: Paint[] = [];
    const floorPaints: Paint[] = [];
    for (let i = 0; i < Number(values.paints); i++) {
      paints.push(await paintOf(origin, `/status/${slug}`, width, tab));
      floorPaints.push(await paintOf(floorOrigin, '/', width, tab));
    }
    console.log(
      `first paint at ${width} px, ${tab}: median ${ms(paints.map((p) => p.fp))}, ` +
        `first contentful paint ${ms(paints.map((p) => p.fcp))} ` +
        `(${paints.length} loads, empty browser cache, page served from the node's cache; ` +
        `a one-line page: ${ms(floorPaints.map((p) => p.fcp))})`,
    );
    console.log(
      `  from the first byte to first contentful paint: ${ms(paints.map((p) => p.fromFirstByte))} ` +
        `(one-line page ${ms(floorPaints.map((p) => p.fromFirstByte))})`,
    );
    console.log(
      `  main-thread CPU on the page before first contentful paint: ` +
        `${ms(paints.map((p) => p.beforePaintMs))} (one-line page ${ms(floorPaints.map((p) => p.beforePaintMs))})`,
    );
    console.log(
      `  main-thread CPU to load and first contentful paint: ${ms(paints.map((p) => p.cpuMs))} ` +
        `(layout ${ms(paints.map((p) => p.layoutMs))}, style ${ms(paints.map((p) => p.styleMs))}; ` +
        `one-line page ${ms(floorPaints.map((p) => p.cpuMs))})`,
    );
  }
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
