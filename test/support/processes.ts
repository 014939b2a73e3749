import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { TEST_ROLE_ENV } from '@watchpost/core/testing';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface RoleProcess {
  name: string;
  child: ChildProcess;
  output(): string;
  /** SIGTERM, then the exit code (null if it had to be killed). */
  stop(): Promise<number | null>;
}

/**
 * Starts a role's compiled entry point (`apps/<role>/dist/…`, built by the e2e project's
 * global setup) as its own Node process, as `npm start` and the image run it.
 */
export function spawnRole(
  name: string,
  entry: string,
  env: Record<string, string>,
  args: string[] = [],
): RoleProcess {
  return spawnProgram(name, process.execPath, [`${ROOT}${entry}`, ...args], {
    LOG_LEVEL: 'warn',
    ...TEST_ROLE_ENV,
    ...env,
  });
}

/** Starts any program (a role, or a real Prometheus) and keeps its output for failures. */
export function spawnProgram(
  name: string,
  command: string,
  args: string[],
  env: Record<string, string> = {},
): RoleProcess {
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: 'pipe',
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    name,
    child,
    output: () => out,
    async stop() {
      // A process that already ended (by itself or by a signal) has nothing left to wait for.
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 10_000));
      const result = await Promise.race([exited, timeout]);
      if (result === 'timeout') {
        child.kill('SIGKILL');
        return null;
      }
      return result;
    },
  };
}

/** Runs a compiled command-line entry point to completion. */
export async function runRole(
  entry: string,
  env: Record<string, string>,
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [`${ROOT}${entry}`, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...TEST_ROLE_ENV, ...env },
    stdio: 'pipe',
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { code, stdout, stderr };
}

/** A TCP port that was free a moment ago. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}
