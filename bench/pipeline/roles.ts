// The roles as deployed: each compiled entry point (`apps/<role>/dist/main.js`) in its own
// Node process, configured only through its environment, as test/support/processes.ts starts
// them for the end-to-end suite.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { TEST_ROLE_ENV } from '@watchpost/core/testing';
import { stopProcess } from './check-target.js';
import { freePort } from '../support/free-port.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface RoleProcess {
  name: string;
  pid: number;
  /** Its operator metrics endpoint. */
  metricsUrl: string;
  child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

export interface SpawnOptions {
  /** Variables of the benchmark's own environment the role must not inherit. */
  unset?: readonly string[];
  /** Node's own options for the role (`--cpu-prof`, which NODE_OPTIONS refuses). */
  nodeArgs?: readonly string[];
}

export async function spawnRole(
  name: string,
  app: 'api' | 'worker' | 'scheduler' | 'all-in-one',
  env: Record<string, string>,
  options: SpawnOptions = {},
): Promise<RoleProcess> {
  const inherited = { ...process.env };
  for (const key of options.unset ?? []) delete inherited[key];
  const metricsPort = await freePort();
  const args = [...(options.nodeArgs ?? []), `${ROOT}apps/${app}/dist/main.js`];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      ...inherited,
      LOG_LEVEL: 'warn',
      ...TEST_ROLE_ENV,
      OPERATOR_METRICS_PORT: String(metricsPort),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  // The last 20 kB are enough to say why a role died.
  const keep = (d: Buffer) => (out = (out + d.toString()).slice(-20_000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  return {
    name,
    pid: child.pid!,
    metricsUrl: `http://127.0.0.1:${metricsPort}/metrics`,
    child,
    output: () => out,
    stop: () => stopProcess(child),
  };
}

/** Throws, with its output, if a role has exited: a benchmark of a dead role measures nothing. */
export function assertRunning(roles: readonly RoleProcess[]): void {
  for (const role of roles) {
    if (role.child.exitCode !== null || role.child.signalCode !== null) {
      throw new Error(
        `${role.name} exited (${role.child.exitCode ?? role.child.signalCode}):\n${role.output()}`,
      );
    }
  }
}

export async function waitForHealthy(
  baseUrl: string,
  roles: readonly RoleProcess[],
): Promise<void> {
  for (let i = 0; i < 1200; i++) {
    assertRunning(roles);
    const ok = await fetch(`${baseUrl}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${baseUrl} never became healthy`);
}
