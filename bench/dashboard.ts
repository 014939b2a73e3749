/// <reference lib="dom" />
// Dashboard benchmark: how long from pressing "Log in" to an interactive monitor list, and
// how many bytes the page receives, at 1,000 and 5,000 monitors, on the distributed
// deployment (API, scheduler and worker as their own processes on Postgres and Redis) with
// checks running against a local HTTP target. Headless Debian Chromium via playwright-core.
//
//   npm run bench:dashboard [-- --sizes 1000,5000 --interval 60 --warmup 20 --profile]
//
// "Interactive" is measured honestly: the list has rows AND the main thread answers a person
// — the first row is clicked as soon as it shows, and the list counts as interactive when that
// click has navigated to the monitor's page. Scrolling is measured twice: a steady scroll of
// three rows per frame from top to bottom, and twenty jumps of a twentieth of the list; the
// frame times (requestAnimationFrame to requestAnimationFrame, rendering included) are
// reported as median, p95 and worst. `--profile` also takes a V8 CPU profile of the page from
// the login click to interactive and prints where the time went (by function, self time), on
// an unminified build so that the names mean something.
//
// For comparison it also logs in with plain socket.io clients: the lean burst with and without
// WebSocket compression, and Kuma's full burst. Bytes are counted on the wire by a TCP proxy
// between the client and the API node (HTTP, WebSocket frames, compression included).
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import { sql } from 'kysely';
import { chromium } from 'playwright-core';
import { io } from 'socket.io-client';
import { hashPassword } from '@watchpost/core/auth';
import { tenantRepository } from '@watchpost/core/db';
import {
  createTestDatabase,
  TEST_REDIS_URL,
  TEST_ROLE_ENV,
  uniqueRedisPrefix,
} from '@watchpost/core/testing';
import { stop, waitForHealthy } from './support/api-process.js';
import { startCountingProxy } from './support/counting-proxy.js';
import { freePort } from './support/free-port.js';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,5000' },
    interval: { type: 'string', default: '60' },
    warmup: { type: 'string', default: '20' },
    profile: { type: 'boolean', default: false },
  },
});
const SIZES = values.sizes.split(',').map(Number);
const INTERVAL_SEC = Number(values.interval);
const WARMUP_SEC = Number(values.warmup);
const PROFILE = values.profile;
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const USER = { username: 'bench', password: 'bench-password1' };
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

function spawnProcess(args: string[], env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ...TEST_ROLE_ENV, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

async function startTarget(): Promise<{ url: string; process: ChildProcess }> {
  const target = spawnProcess(['--import', 'tsx', 'bench/http-target.ts']);
  const port = await new Promise<string>((resolve) =>
    target.stdout!.once('data', (d: Buffer) => resolve(d.toString().trim())),
  );
  return { url: `http://127.0.0.1:${port}/`, process: target };
}

/** Logs in with a plain socket.io client; answers the seconds until the ack. */
async function socketLogin(
  url: string,
  options: { lean: boolean; compress: boolean },
): Promise<number> {
  const socket = io(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    // `false` reaches the `ws` client, which then offers no compression; the option's type
    // only knows the object form.
    perMessageDeflate: (options.compress ? { threshold: 1024 } : false) as { threshold: number },
    ...(options.lean && { query: { burst: 'lean' } }),
  });
  await new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(undefined));
    socket.once('connect_error', reject);
  });
  const started = performance.now();
  await socket.timeout(120_000).emitWithAck('login', { ...USER, token: '' });
  const seconds = (performance.now() - started) / 1000;
  // Whatever the burst still had in flight after the ack.
  await sleep(500);
  socket.close();
  return seconds;
}

async function measure(size: number): Promise<void> {
  const database = await createTestDatabase();
  const prefix = uniqueRedisPrefix('bench-dashboard');
  const target = await startTarget();
  const roles: ChildProcess[] = [];
  try {
    const { tenantId } = await tenantRepository.createTenantWithAdmin(database.db, {
      name: 'bench',
      username: USER.username,
      passwordHash: await hashPassword(USER.password),
    });
    await sql`
      INSERT INTO monitors (tenant_id, name, type, url, check_interval, maxretries)
      SELECT ${tenantId}, 'm' || g, 'http', ${target.url}, ${INTERVAL_SEC}, 0
      FROM generate_series(1, ${size}) g
    `.execute(database.db);
    await sql`INSERT INTO monitor_state (monitor_id, tenant_id) SELECT id, tenant_id FROM monitors`.execute(
      database.db,
    );

    const env = { DATABASE_URL: database.url, REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: prefix };
    const apiPort = await freePort();
    roles.push(
      spawnProcess(['apps/api/dist/main.js'], { ...env, PORT: String(apiPort), HOST: '127.0.0.1' }),
    );
    roles.push(spawnProcess(['apps/scheduler/dist/main.js'], env));
    roles.push(spawnProcess(['apps/worker/dist/main.js'], env));
    await waitForHealthy(`http://127.0.0.1:${apiPort}`, 120_000);
    // Let the checks run, so the burst carries beats and the server is busy as in real life.
    await sleep(WARMUP_SEC * 1000);
    const proxy = await startCountingProxy(apiPort);

    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
    await page.goto(`${proxy.url}/dashboard`);
    await page.getByLabel('Username').fill(USER.username);
    await page.getByLabel('Password').fill(USER.password);
    const pageLoadBytes = proxy.received();
    proxy.reset();
    const cdp = await page.context().newCDPSession(page);
    // When the burst's frames arrive, to tell the server's share from the page's.
    const frames: WsFrame[] = [];
    await cdp.send('Network.enable');
    cdp.on('Network.webSocketFrameSent', (e) =>
      frames.push({ at: e.timestamp, payload: e.response.payloadData, sent: true }),
    );
    cdp.on('Network.webSocketFrameReceived', (e) =>
      frames.push({ at: e.timestamp, payload: e.response.payloadData, sent: false }),
    );
    if (PROFILE) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    const started = performance.now();
    await page.getByRole('button', { name: 'Log in' }).click();
    const firstRow = page.getByRole('link', { name: /\bm\d+\b/ }).first();
    await firstRow.waitFor({ timeout: 300_000 }).catch(async (error: unknown) => {
      const burst = burstTimeline(frames);
      const shown = await page.evaluate(() => document.body.innerText.slice(0, 400));
      console.error(
        `no row shown: largest frame ${kb(burst.largestBytes)} at ${burst.largestSec} s, ack at ${burst.ackSec} s; the page shows:\n${shown}`,
      );
      throw error;
    });
    const rowsSec = (performance.now() - started) / 1000;
    // The first click a person could make: it lands only when the main thread is free.
    const clickStarted = performance.now();
    await firstRow.click();
    await page.waitForURL(/\/dashboard\/\d+$/, { timeout: 60_000 });
    const interactiveSec = (performance.now() - started) / 1000;
    const clickMs = performance.now() - clickStarted;
    await cdp.send('Network.disable');
    const burst = burstTimeline(frames);
    if (PROFILE) {
      const { profile } = await cdp.send('Profiler.stop');
      printProfile('login → interactive', profile);
    }
    // A search over every monitor, typed by a person, answered by the list.
    const searchStarted = performance.now();
    await page.getByLabel('Search').fill(`m${size}`);
    await page.getByRole('link', { name: new RegExp(`m${size}\\b`) }).waitFor({ timeout: 30_000 });
    const searchMs = performance.now() - searchStarted;
    await page.getByLabel('Search').fill('');
    await page
      .getByRole('link', { name: /\bm\d+\b/ })
      .nth(5)
      .waitFor();
    if (PROFILE) await cdp.send('Profiler.start');
    const scroll = (await page.evaluate(SCROLL_SCRIPT)) as ScrollFrames;
    if (PROFILE) printProfile('scrolling', (await cdp.send('Profiler.stop')).profile);
    await sleep(500);
    const loginBytes = proxy.received();
    await browser.close();

    proxy.reset();
    const leanCompressedSec = await socketLogin(proxy.url, { lean: true, compress: true });
    const leanCompressed = proxy.received();
    proxy.reset();
    const leanPlainSec = await socketLogin(proxy.url, { lean: true, compress: false });
    const leanPlain = proxy.received();
    proxy.reset();
    const kumaSec = await socketLogin(proxy.url, { lean: false, compress: false });
    const kuma = proxy.received();
    proxy.close();

    console.log(
      [
        `monitors=${size} (interval ${INTERVAL_SEC}s, checks running)`,
        `  dashboard: login → rows shown ${rowsSec.toFixed(2)} s → interactive (a click on the first row navigated, ${clickMs.toFixed(0)} ms) ${interactiveSec.toFixed(2)} s`,
        `  dashboard: after the login was sent, the largest frame (${kb(burst.largestBytes)}, the summaries) arrived at ${burst.largestSec.toFixed(2)} s, the login's ack at ${burst.ackSec.toFixed(2)} s`,
        `  dashboard: search answered in ${searchMs.toFixed(0)} ms; scroll, steady: ${frameStats(scroll.steady)}; jumps: ${frameStats(scroll.jumps)}`,
        `  dashboard bytes: page load (HTML, JS, CSS) ${kb(pageLoadBytes)}; login traffic ${kb(loginBytes)}`,
        `  lean burst, socket.io client: compressed ${kb(leanCompressed)} in ${leanCompressedSec.toFixed(2)} s; uncompressed ${kb(leanPlain)} in ${leanPlainSec.toFixed(2)} s`,
        `  Kuma full burst, socket.io client: ${kb(kuma)} in ${kumaSec.toFixed(2)} s (login ack; the burst precedes it)`,
      ].join('\n'),
    );
  } finally {
    await Promise.all(roles.map(stop));
    await stop(target.process);
    const redis = new Redis(TEST_REDIS_URL);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
    await database.drop();
  }
}

interface FrameStats {
  frames: number;
  median: number;
  p95: number;
  worst: number;
}

interface ScrollFrames {
  steady: FrameStats;
  jumps: FrameStats;
}

const frameStats = ({ frames, median, p95, worst }: FrameStats) =>
  `${frames} frames, median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, worst ${worst.toFixed(1)} ms`;

// In the page, as a string: tsx would wrap the named functions of a page.evaluate callback in
// a helper the page does not have. Steps: a steady scroll of three rows a frame (a wheel or a
// dragged scrollbar) for up to 400 frames, then twenty jumps that replace every row on screen.
const SCROLL_SCRIPT = `(async () => {
  const scroller = document.querySelector('.monitor-list-scroller');
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  const measureStep = async (frames, step) => {
    const before = performance.now();
    step();
    await frame();
    frames.push(performance.now() - before);
  };
  const stats = (frames) => {
    frames.sort((a, b) => a - b);
    const at = (q) => frames[Math.min(frames.length - 1, Math.floor(frames.length * q))];
    return { frames: frames.length, median: at(0.5), p95: at(0.95), worst: frames[frames.length - 1] };
  };
  scroller.scrollTop = 0;
  await frame();
  await frame();
  const steady = [];
  while (scroller.scrollTop + scroller.clientHeight < scroller.scrollHeight - 1 && steady.length < 400) {
    await measureStep(steady, () => (scroller.scrollTop += 204));
  }
  const jumps = [];
  for (let i = 0; i <= 20; i++) {
    await measureStep(jumps, () => (scroller.scrollTop = (scroller.scrollHeight * i) / 20));
  }
  return { steady: stats(steady), jumps: stats(jumps) };
})()`;

interface WsFrame {
  at: number;
  payload: string;
  sent: boolean;
}

/** When the largest frame (the summaries) and the login's ack came, after the login was sent. */
function burstTimeline(frames: WsFrame[]): {
  largestSec: number;
  largestBytes: number;
  ackSec: number;
} {
  // socket.io packets: `42<id>["login",…]` is the emit, `43<id>[…]` its ack.
  const login = frames.find((f) => f.sent && /^42\d+\["login"/.test(f.payload));
  if (!login) return { largestSec: NaN, largestBytes: 0, ackSec: NaN };
  const ackPrefix = `43${/^42(\d+)/.exec(login.payload)![1]}[`;
  const received = frames.filter((f) => !f.sent && f.at >= login.at);
  const largest = received.reduce((a, b) => (b.payload.length > a.payload.length ? b : a), login);
  const ack = received.find((f) => f.payload.startsWith(ackPrefix));
  return {
    largestSec: largest.at - login.at,
    largestBytes: largest.payload.length,
    ackSec: ack ? ack.at - login.at : NaN,
  };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

/** The functions with the most self time in a V8 CPU profile, as shares of the whole. */
function printProfile(
  phase: string,
  profile: {
    nodes: ProfileNode[];
    samples?: number[];
    timeDeltas?: number[];
  },
): void {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfMs = new Map<string, number>();
  let totalMs = 0;
  (profile.samples ?? []).forEach((id, i) => {
    const ms = (profile.timeDeltas?.[i] ?? 0) / 1000;
    const frame = byNode.get(id)!.callFrame;
    const file = frame.url.split('/').pop() ?? '';
    const name = `${frame.functionName || '(anonymous)'} ${file ? `${file}:${frame.lineNumber + 1}` : ''}`;
    selfMs.set(name, (selfMs.get(name) ?? 0) + ms);
    totalMs += ms;
  });
  console.log(`  profile, ${phase} (${totalMs.toFixed(0)} ms sampled), top self time:`);
  for (const [name, ms] of [...selfMs].sort((a, b) => b[1] - a[1]).slice(0, 20)) {
    console.log(
      `    ${((ms / totalMs) * 100).toFixed(1).padStart(5)}%  ${ms.toFixed(0).padStart(6)} ms  ${name}`,
    );
  }
}

execFileSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
if (PROFILE) {
  execFileSync('npx', ['vite', 'build', '--minify', 'false'], {
    cwd: `${ROOT}apps/web`,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
console.log('bench:dashboard — shared 2-core machine: absolute figures vary with other load');
for (const size of SIZES) await measure(size);
