// The HTTP target every monitor checks: nginx on loopback answering 200 and logging each
// request's time to the millisecond, or, where nginx is not installed, a Node server in its
// own process writing the same log (bench/pipeline/logging-target.ts). Either way the target
// runs in its own process, so its CPU is measured apart from the pipeline's.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../support/free-port.js';

export interface CheckTarget {
  /** "nginx 1.22.1" or "node (nginx not found)". */
  description: string;
  pid: number;
  /** The URL monitor n checks. */
  urlOf(monitor: number): string;
  logFile: string;
  stop(): Promise<void>;
}

const NGINX = '/usr/sbin/nginx';

export async function startCheckTarget(
  dir: string,
  kind: 'auto' | 'nginx' | 'node',
): Promise<CheckTarget> {
  const logFile = join(dir, 'access.log');
  if (kind !== 'node' && existsSync(NGINX)) return startNginx(dir, logFile);
  if (kind === 'nginx') throw new Error(`--target nginx: ${NGINX} not found`);
  return startNodeTarget(logFile, kind === 'node' ? 'node (chosen)' : `node (${NGINX} not found)`);
}

async function startNginx(dir: string, logFile: string): Promise<CheckTarget> {
  const port = await freePort();
  const temp = join(dir, 'nginx-temp');
  await mkdir(temp, { recursive: true });
  const config = join(dir, 'nginx.conf');
  // One process (no master) so its CPU is one /proc entry; the log is buffered and flushed
  // every second, which the benchmark waits for before reading it.
  await writeFile(
    config,
    `daemon off;
master_process off;
worker_processes 1;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'nginx-error.log')} warn;
events { worker_connections 16384; }
http {
  client_body_temp_path ${temp}/body;
  proxy_temp_path ${temp}/proxy;
  fastcgi_temp_path ${temp}/fastcgi;
  uwsgi_temp_path ${temp}/uwsgi;
  scgi_temp_path ${temp}/scgi;
  log_format checks '$msec $request_uri $status';
  keepalive_timeout 5s;
  server {
    listen 127.0.0.1:${port};
    access_log ${logFile} checks buffer=256k flush=1s;
    location / { return 200 "OK\\n"; }
  }
}
`,
  );
  const version = spawnSync(NGINX, ['-v'])
    .stderr.toString()
    .trim()
    .replace(/^nginx version: nginx\//, '');
  const child = spawn(NGINX, ['-p', dir, '-c', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  await waitForPort(port, child);
  return {
    description: `nginx ${version}`,
    pid: child.pid!,
    urlOf: (monitor) => `http://127.0.0.1:${port}/m/${monitor}`,
    logFile,
    // SIGQUIT: graceful shutdown, which writes out the buffered log.
    stop: () => stopProcess(child, 'SIGQUIT'),
  };
}

async function startNodeTarget(logFile: string, description: string): Promise<CheckTarget> {
  const entry = fileURLToPath(new URL('./logging-target.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', entry, logFile], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.once('data', (d: Buffer) => resolve(Number(String(d).trim())));
    child.once('exit', (code) => reject(new Error(`the Node target exited (${code})`)));
  });
  return {
    description,
    pid: child.pid!,
    urlOf: (monitor) => `http://127.0.0.1:${port}/m/${monitor}`,
    logFile,
    stop: () => stopProcess(child, 'SIGTERM'),
  };
}

async function waitForPort(port: number, child: ChildProcess): Promise<void> {
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${stderr}`);
    const ok = await fetch(`http://127.0.0.1:${port}/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nginx never answered on ${port}: ${stderr}`);
}

export function stopProcess(
  child: ChildProcess,
  signal: NodeJS.Signals = 'SIGTERM',
): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill(signal);
  });
}
