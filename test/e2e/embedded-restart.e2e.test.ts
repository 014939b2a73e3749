import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectKumaTestClient, waitFor, type KumaTestClient } from '@watchpost/core/testing';
import { freePort, spawnRole, type RoleProcess } from '../support/processes.js';
import { startHttpTarget, type HttpTarget } from '../support/targets.js';
import { waitForHealthy } from '../support/wait-for-healthy.js';
import { EMBEDDED_ENV } from './embedded-env.js';

// A self-hoster's first minutes with `npm start`: set up, add a monitor, restart, and find
// everything where it was; plus the mistakes that must end in one clear line.

interface Beat {
  monitorID: number;
  status: number;
  time: string;
}

let scratch: string;
let dataDir: string;
let target: HttpTarget;
const processes: RoleProcess[] = [];
const clients: KumaTestClient[] = [];

function startWatchpost(env: Record<string, string>): RoleProcess {
  const p = spawnRole('watchpost', 'apps/all-in-one/dist/main.js', {
    ...EMBEDDED_ENV,
    LOG_LEVEL: 'info',
    ...env,
  });
  processes.push(p);
  return p;
}

async function exited(p: RoleProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (p.child.exitCode !== null) resolve(p.child.exitCode);
    else p.child.once('exit', (code) => resolve(code));
  });
}

async function connectAndLogin(url: string): Promise<KumaTestClient> {
  const client = await connectKumaTestClient(url, { callTimeoutMs: 10_000 });
  clients.push(client);
  const login = await client.call<{ ok: boolean }>('login', {
    username: 'admin',
    password: 'secret123',
    token: '',
  });
  expect(login.ok).toBe(true);
  return client;
}

/** The output's lines that are not structured log lines (what a person reads). */
const plainLines = (p: RoleProcess) =>
  p
    .output()
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('{'));

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'watchpost-restart-'));
  dataDir = join(scratch, 'data');
  target = await startHttpTarget();
});

afterAll(async () => {
  for (const c of clients) c.close();
  await Promise.all(processes.map((p) => p.stop()));
  await target?.close();
  await rm(scratch, { recursive: true, force: true });
}, 60_000);

describe('embedded mode across a restart', () => {
  let port: number;
  let first: RoleProcess;
  let monitorId: number;
  let beatsBeforeRestart: Beat[];

  it('starts on an empty data directory, prints the URL and offers setup', async () => {
    port = await freePort();
    first = startWatchpost({ DATA_DIR: dataDir, PORT: String(port) });
    await waitForHealthy(`http://127.0.0.1:${port}`, [first]);
    expect(first.output()).toContain(`open http://localhost:${port}`);

    const client = await connectKumaTestClient(`http://127.0.0.1:${port}`);
    clients.push(client);
    expect(await client.call('needSetup')).toBe(true);
    expect(await client.call('setup', 'admin', 'secret123')).toEqual({
      ok: true,
      msg: 'Added Successfully.',
    });
  }, 90_000);

  it('checks a monitor added after login', async () => {
    const client = await connectAndLogin(`http://127.0.0.1:${port}`);
    const added = await client.call<{ ok: boolean; monitorID: number }>('add', {
      type: 'http',
      name: 'survives restarts',
      url: target.url,
      interval: 1,
      retryInterval: 1,
      maxretries: 0,
      accepted_statuscodes: ['200-299'],
      notificationIDList: {},
    });
    expect(added.ok).toBe(true);
    monitorId = added.monitorID;
    await waitFor(
      () =>
        client.events.filter(
          (e) => e.event === 'heartbeat' && (e.args[0] as Beat).monitorID === monitorId,
        ).length >= 2,
      { what: 'two heartbeats' },
    );
    beatsBeforeRestart = client.events
      .filter((e) => e.event === 'heartbeat' && (e.args[0] as Beat).monitorID === monitorId)
      .map((e) => e.args[0] as Beat);
  });

  it('refuses a second process on the same data directory in one line', async () => {
    const second = startWatchpost({ DATA_DIR: dataDir, PORT: String(await freePort()) });
    expect(await exited(second)).toBe(1);
    expect(plainLines(second)).toEqual([
      `watchpost: Data directory ${dataDir} is in use by another Watchpost process ` +
        `(pid ${first.child.pid}); stop it or set DATA_DIR to another directory.`,
    ]);
  }, 30_000);

  it('refuses a data directory it cannot write in one line', async () => {
    // A path below a regular file fails for every user, root included.
    const file = join(scratch, 'a-file');
    await writeFile(file, 'not a directory');
    const blocked = startWatchpost({
      DATA_DIR: join(file, 'data'),
      PORT: String(await freePort()),
    });
    expect(await exited(blocked)).toBe(1);
    expect(plainLines(blocked)).toEqual([
      `watchpost: Data directory ${join(file, 'data')} is not writable (ENOTDIR); ` +
        'fix its permissions or set DATA_DIR to another directory.',
    ]);
  }, 30_000);

  it('stops on SIGTERM with exit code 0', async () => {
    expect(await first.stop()).toBe(0);
  }, 30_000);

  it('refuses a port that is taken in one line', async () => {
    // Another program holds the port; the data directory is the real one, now free, so the
    // start gets as far as listening (and, unlike a fresh directory, skips seconds of initdb).
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const taken = (holder.address() as AddressInfo).port;
    try {
      const other = startWatchpost({ DATA_DIR: dataDir, PORT: String(taken) });
      expect(await exited(other)).toBe(1);
      expect(plainLines(other)).toEqual([
        `watchpost: Port ${taken} is already in use; stop what uses it or set PORT.`,
      ]);
    } finally {
      await new Promise<void>((resolve) => holder.close(() => resolve()));
    }
  }, 60_000);

  it('comes back after a restart with its user, monitor, history and checks', async () => {
    const restartedAt = Date.now();
    const again = startWatchpost({ DATA_DIR: dataDir, PORT: String(port) });
    await waitForHealthy(`http://127.0.0.1:${port}`, [again]);

    const client = await connectAndLogin(`http://127.0.0.1:${port}`);
    const [list] = await client.waitFor('monitorList', { includePast: true });
    expect((list as Record<string, { name: string; active: boolean }>)[monitorId]).toMatchObject({
      name: 'survives restarts',
      active: true,
    });
    // Ids arrive as strings in this list (docs/protocol/authentication.md#post-login-burst).
    const [, history] = await client.waitFor('heartbeatList', {
      includePast: true,
      match: (args) => args[0] === String(monitorId),
    });
    const storedTimes = (history as Beat[]).map((b) => b.time);
    for (const beat of beatsBeforeRestart) expect(storedTimes).toContain(beat.time);

    const [fresh] = await client.waitFor('heartbeat', {
      timeoutMs: 10_000,
      match: (args) => (args[0] as Beat).monitorID === monitorId,
    });
    expect((fresh as Beat).status).toBe(1);
    expect(Date.now()).toBeGreaterThan(restartedAt);
  }, 90_000);
});
