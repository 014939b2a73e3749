// Login-burst probe: how long a login takes to ack and to deliver each list of the burst, how
// many bytes cross the wire for it (compression included), and how long another logged-in
// socket waits for a round trip meanwhile, at N monitors with beats, tags and notifications.
//
//   npm run bench:login-burst [-- --monitors 5000 --beats 100 --runs 3 --root <checkout>
//                               --profile <dir>]
//
// The API runs as its own process (distributed mode, Postgres and Redis) from `--root`, a
// checkout with its node_modules (default: this one), so the same probe measures an older
// commit for a before/after comparison. The API creates the schema itself; the probe seeds it
// with SQL, so the seed only needs tables every version has.
//
// Clients: a Kuma-style socket.io client (offers permessage-deflate, as browsers and
// socket.io-client do) and a lean dashboard client (`?burst=lean`). Bytes are counted by a TCP
// proxy that parses the WebSocket frames the server sends, so each message's size on the wire
// is known; the client's engine.io packets arrive in the same order, which names the frames.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer, connect, type AddressInfo, type Server } from 'node:net';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { io, type Socket } from 'socket.io-client';
import {
  TEST_POSTGRES_URL,
  TEST_REDIS_URL,
  TEST_ROLE_ENV,
  uniqueRedisPrefix,
} from '@watchpost/core/testing';
import { stop, waitForHealthy } from './support/api-process.js';
import { freePort } from './support/free-port.js';

const { values } = parseArgs({
  options: {
    monitors: { type: 'string', default: '5000' },
    beats: { type: 'string', default: '100' },
    runs: { type: 'string', default: '3' },
    root: { type: 'string', default: fileURLToPath(new URL('../', import.meta.url)) },
    // A directory for the API process's CPU profile (node --cpu-prof), written when it stops.
    profile: { type: 'string' },
  },
});
const MONITORS = Number(values.monitors);
const BEATS = Number(values.beats);
const RUNS = Number(values.runs);
const ROOT = values.root.endsWith('/') ? values.root : `${values.root}/`;
const USER = { username: 'bench', password: 'bench-password1' };
// One important beat in this many, so `importantHeartbeatList` has content.
const IMPORTANT_EVERY = 20;
const PROBE_EVERY_MS = 20;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

function spawnApi(env: Record<string, string>): ChildProcess {
  return spawn(
    process.execPath,
    [
      ...(values.profile ? ['--cpu-prof', `--cpu-prof-dir=${values.profile}`] : []),
      '--conditions=source',
      '--import',
      'tsx',
      'apps/api/src/main.ts',
    ],
    {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'warn', ...TEST_ROLE_ENV, ...env },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
}

/** The tenant's admin, through the API's own `setup` (ALLOW_PUBLIC_SETUP in the role env). */
async function setupAdmin(url: string): Promise<void> {
  const { socket } = await connectSocket(url, false);
  try {
    const reply = (await socket
      .timeout(60_000)
      .emitWithAck('setup', USER.username, USER.password)) as { ok: boolean; msg?: string };
    if (!reply.ok) throw new Error(`setup failed: ${reply.msg}`);
  } finally {
    socket.close();
  }
}

/** Monitors, tags, notification links, beats and aggregates, in bulk SQL. */
async function seed(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: number }>('SELECT id FROM tenants LIMIT 1');
    const tenantId = rows[0]!.id;
    await client.query(
      `INSERT INTO monitors (tenant_id, name, description, type, url, check_interval, maxretries)
       SELECT $1, 'service ' || g, 'bench monitor ' || g, 'http',
              'https://service-' || g || '.example.com/health', 60, 1
       FROM generate_series(1, $2::int) g`,
      [tenantId, MONITORS],
    );
    await client.query(
      `INSERT INTO monitor_state (monitor_id, tenant_id, status, last_ping)
       SELECT id, tenant_id, 1, 42 FROM monitors`,
    );
    await client.query(
      `INSERT INTO tags (tenant_id, name, color) VALUES ($1, 'prod', '#059669'), ($1, 'eu', '#2563eb')`,
      [tenantId],
    );
    await client.query(
      `INSERT INTO monitor_tags (tenant_id, monitor_id, tag_id, value)
       SELECT m.tenant_id, m.id, t.id, CASE WHEN t.name = 'eu' THEN 'fra' END
       FROM monitors m CROSS JOIN tags t`,
    );
    await client.query(
      `INSERT INTO notifications (tenant_id, name, config) VALUES ($1, 'ops', $2)`,
      [
        tenantId,
        JSON.stringify({ type: 'webhook', name: 'ops', webhookURL: 'https://hooks.example/ops' }),
      ],
    );
    await client.query(
      `INSERT INTO monitor_notifications (tenant_id, monitor_id, notification_id)
       SELECT m.tenant_id, m.id, n.id FROM monitors m CROSS JOIN notifications n`,
    );
    await client.query(
      `INSERT INTO heartbeats (tenant_id, monitor_id, status, msg, time, ping, important)
       SELECT m.tenant_id, m.id, CASE WHEN b % $1 = 0 THEN 0 ELSE 1 END,
              CASE WHEN b % $1 = 0 THEN 'connect ECONNREFUSED' ELSE '200 - OK' END,
              now() - make_interval(secs => b * 60), 20 + (b % 30), b % $1 IN (0, 1)
       FROM monitors m CROSS JOIN generate_series(1, $2::int) b`,
      [IMPORTANT_EVERY, BEATS],
    );
    for (const [table, unit, count] of [
      ['stat_minutely', 'minute', 60],
      ['stat_hourly', 'hour', 24],
      ['stat_daily', 'day', 30],
    ] as const) {
      await client.query(
        `INSERT INTO ${table} (monitor_id, tenant_id, bucket, up, down, ping_sum, ping_count, ping_min, ping_max)
         SELECT m.id, m.tenant_id, date_trunc('${unit}', now()) - b * interval '1 ${unit}',
                59, 1, 2400, 60, 20, 50
         FROM monitors m CROSS JOIN generate_series(0, $1::int - 1) b`,
        [count],
      );
    }
    await client.query('ANALYZE');
  } finally {
    await client.end();
  }
}

/** One message the server sent, as the proxy saw it on the wire. */
interface Frame {
  wireBytes: number;
  compressed: boolean;
}

/**
 * A TCP proxy in front of the API that splits what the server sends into WebSocket frames
 * (after the upgrade response) and records each message's size on the wire.
 */
async function startFrameProxy(apiPort: number): Promise<{
  url: string;
  frames: Frame[];
  totalBytes: () => number;
  server: Server;
}> {
  const frames: Frame[] = [];
  let total = 0;
  const server = createServer((client) => {
    const upstream = connect(apiPort, '127.0.0.1');
    client.pipe(upstream);
    let buffer: Buffer = Buffer.alloc(0);
    let upgraded = false;
    upstream.on('data', (chunk: Buffer) => {
      total += chunk.length;
      client.write(chunk);
      buffer = Buffer.concat([buffer, chunk]);
      if (!upgraded) {
        const end = buffer.indexOf('\r\n\r\n');
        if (end < 0) return;
        upgraded = true;
        buffer = buffer.subarray(end + 4);
      }
      buffer = readFrames(buffer, frames);
    });
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, frames, totalBytes: () => total, server };
}

/** Takes whole frames off the buffer (server frames are never masked); answers the rest. */
function readFrames(buffer: Buffer, frames: Frame[]): Buffer {
  let offset = 0;
  for (;;) {
    if (buffer.length - offset < 2) break;
    const first = buffer[offset]!;
    const second = buffer[offset + 1]!;
    let length = second & 0x7f;
    let header = 2;
    if (length === 126) {
      if (buffer.length - offset < 4) break;
      length = buffer.readUInt16BE(offset + 2);
      header = 4;
    } else if (length === 127) {
      if (buffer.length - offset < 10) break;
      length = Number(buffer.readBigUInt64BE(offset + 2));
      header = 10;
    }
    if (buffer.length - offset < header + length) break;
    const opcode = first & 0x0f;
    // Control frames (ping, pong, close) are not engine.io packets.
    if (opcode < 8) frames.push({ wireBytes: header + length, compressed: (first & 0x40) !== 0 });
    offset += header + length;
  }
  return buffer.subarray(offset);
}

interface LoginResult {
  ackMs: number;
  /** Per event name: arrivals, ms after the login was sent to the first and the last one. */
  events: Map<string, { count: number; firstMs: number; lastMs: number; wireBytes: number }>;
  burstWireBytes: number;
  /** The worst round trip another socket saw while the burst was being sent. */
  otherSocketWorstMs: number;
  /** Whether the server dropped that socket meanwhile. */
  otherDropped: boolean;
}

/**
 * A socket that names every engine.io packet it receives, in arrival order: each is one
 * WebSocket message, so the n-th name belongs to the n-th frame the proxy saw.
 */
async function connectSocket(
  url: string,
  lean: boolean,
): Promise<{ socket: Socket; packetNames: string[] }> {
  const socket = io(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    ...(lean && { query: { burst: 'lean' } }),
  });
  const packetNames: string[] = [];
  socket.io.on('open', () => {
    // The handshake packet was taken before the manager says it is open.
    packetNames.push('(open)');
    socket.io.engine.on('packet', (packet: { type: string; data?: unknown }) => {
      const data = typeof packet.data === 'string' ? packet.data : '';
      const match = /^2\d*\["([^"]+)"/.exec(data);
      packetNames.push(packet.type === 'message' ? (match?.[1] ?? '(other)') : packet.type);
    });
  });
  await new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(undefined));
    socket.once('connect_error', reject);
  });
  return { socket, packetNames };
}

async function login(socket: Socket): Promise<void> {
  const reply = (await socket.timeout(300_000).emitWithAck('login', { ...USER, token: '' })) as {
    ok: boolean;
    msg?: string;
  };
  if (!reply.ok) throw new Error(`login failed: ${reply.msg}`);
}

/**
 * Logs a fresh socket in through the frame proxy while another socket (straight to the API)
 * keeps asking a cheap question, and records when each event arrived.
 */
async function measureLogin(apiUrl: string, lean: boolean): Promise<LoginResult> {
  const proxy = await startFrameProxy(Number(new URL(apiUrl).port));
  // Not logged in, so the burst's room pushes do not queue on its own connection, and asking
  // `checkApprise` (answered without the database) shows how long the event loop is held up.
  const { socket: other } = await connectSocket(apiUrl, false);
  const { socket, packetNames } = await connectSocket(proxy.url, lean);
  await sleep(200);
  const packetsBefore = packetNames.length;

  const events: LoginResult['events'] = new Map();
  let started = 0;
  socket.onAny((event: string) => {
    const at = performance.now() - started;
    const seen = events.get(event);
    if (seen) {
      seen.count++;
      seen.lastMs = at;
    } else events.set(event, { count: 1, firstMs: at, lastMs: at, wireBytes: 0 });
  });

  let probing = true;
  let worst = 0;
  let otherDropped = false;
  const probe = (async () => {
    while (probing) {
      const sent = performance.now();
      try {
        await other.timeout(300_000).emitWithAck('checkApprise');
      } catch {
        // The server missed the connection's pings: it was held up longer than they allow.
        otherDropped = true;
        return;
      }
      worst = Math.max(worst, performance.now() - sent);
      await sleep(PROBE_EVERY_MS);
    }
  })();

  started = performance.now();
  const loggedIn = await login(socket).then(
    () => true,
    (error: unknown) => {
      console.log(`  login failed after ${sec(performance.now() - started)}: ${String(error)}`);
      return false;
    },
  );
  const ackMs = performance.now() - started;
  // A Kuma burst ends with each monitor's two `uptime` pushes; the lean one before the ack.
  const uptimes = () => events.get('uptime')?.count ?? 0;
  while (loggedIn && !lean && uptimes() < 2 * MONITORS && performance.now() - started < 300_000) {
    await sleep(50);
  }
  await sleep(300);
  probing = false;
  await probe;

  let burstWireBytes = 0;
  proxy.frames.forEach((frame, i) => {
    if (i < packetsBefore) return;
    burstWireBytes += frame.wireBytes;
    const seen = events.get(packetNames[i] ?? '');
    if (seen) seen.wireBytes += frame.wireBytes;
  });
  if (proxy.frames.length !== packetNames.length) {
    console.log(`  (frames ${proxy.frames.length} and packets ${packetNames.length} disagree)`);
  }
  socket.close();
  other.close();
  proxy.server.close();
  return { ackMs, events, burstWireBytes, otherSocketWorstMs: worst, otherDropped };
}

function report(label: string, result: LoginResult): void {
  console.log(
    `  ${label}: ack ${sec(result.ackMs)}, burst ${kb(result.burstWireBytes)} on the wire, ` +
      `another socket's worst round trip ${sec(result.otherSocketWorstMs)}` +
      (result.otherDropped ? ' (then it was disconnected)' : ''),
  );
  for (const [event, seen] of result.events) {
    console.log(
      `    ${event.padEnd(24)} ×${String(seen.count).padEnd(5)} first ${sec(seen.firstMs)}  ` +
        `last ${sec(seen.lastMs)}  ${kb(seen.wireBytes)}`,
    );
  }
}

async function main(): Promise<void> {
  const name = `watchpost_bench_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const databaseUrl = new URL(TEST_POSTGRES_URL);
  databaseUrl.pathname = `/${name}`;
  const port = await freePort();
  const apiUrl = `http://127.0.0.1:${port}`;
  const api = spawnApi({
    DATABASE_URL: databaseUrl.toString(),
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: uniqueRedisPrefix('bench-login-burst'),
    PORT: String(port),
    HOST: '127.0.0.1',
  });
  try {
    await waitForHealthy(apiUrl, 300_000);
    await setupAdmin(apiUrl);
    const seeding = performance.now();
    await seed(databaseUrl.toString());
    console.log(
      `API from ${ROOT}; ${MONITORS} monitors, ${BEATS} beats each, seeded in ` +
        `${sec(performance.now() - seeding)}`,
    );
    for (let run = 1; run <= RUNS; run++) {
      console.log(`run ${run}`);
      report('Kuma client', await measureLogin(apiUrl, false));
      report('lean client', await measureLogin(apiUrl, true));
    }
  } finally {
    await stop(api);
    await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

await main();
