// An HTTP load generator in its own process, so that it never competes with the server it
// measures inside one event loop: `wrk` when it is installed, else autocannon's command line
// in a child process (slower per request, so its figures are a floor, and it says so).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const AUTOCANNON = fileURLToPath(
  new URL('../node_modules/autocannon/autocannon.js', import.meta.url),
);

export interface LoadRun {
  url: string;
  headers: Record<string, string>;
  connections: number;
  seconds: number;
}

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Answers that were not 2xx, plus socket errors and timeouts. */
  failures: number;
}

export interface LoadGenerator {
  name: string;
  measure(load: LoadRun): Promise<LoadResult>;
}

/** wrk if `path` exists, else autocannon in a child process. */
export function pickLoadGenerator(wrkPath: string): LoadGenerator {
  return existsSync(wrkPath) ? wrk(wrkPath) : autocannonProcess();
}

// wrk prints latencies as `812.00us`, `1.23ms` or `1.02s`.
function toMs(value: string): number {
  const match = /^([\d.]+)(us|ms|s)$/.exec(value.trim());
  if (!match) return NaN;
  const n = Number(match[1]);
  return match[2] === 'us' ? n / 1000 : match[2] === 's' ? n * 1000 : n;
}

function wrk(path: string): LoadGenerator {
  return {
    name: `wrk (${path}, its own process)`,
    async measure({ url, headers, connections, seconds }) {
      const args = ['--latency', '-t', '2', '-c', String(connections), '-d', `${seconds}s`];
      for (const [key, value] of Object.entries(headers)) args.push('-H', `${key}: ${value}`);
      const { stdout } = await run(path, [...args, url]);
      const number = (pattern: RegExp) => Number(pattern.exec(stdout)?.[1] ?? NaN);
      const errors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(
        stdout,
      );
      return {
        requestsPerSecond: number(/Requests\/sec:\s+([\d.]+)/),
        p50Ms: toMs(/^\s+50%\s+(\S+)/m.exec(stdout)?.[1] ?? ''),
        p99Ms: toMs(/^\s+99%\s+(\S+)/m.exec(stdout)?.[1] ?? ''),
        failures:
          (Number(/Non-2xx or 3xx responses: (\d+)/.exec(stdout)?.[1]) || 0) +
          (errors ? errors.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0),
      };
    },
  };
}

function autocannonProcess(): LoadGenerator {
  return {
    name: 'autocannon in a child process (wrk not installed: expect lower figures)',
    async measure({ url, headers, connections, seconds }) {
      const args = ['--json', '-c', String(connections), '-d', String(seconds)];
      for (const [key, value] of Object.entries(headers)) args.push('-H', `${key}=${value}`);
      const { stdout } = await run(process.execPath, [AUTOCANNON, ...args, url], {
        maxBuffer: 16 * 1024 * 1024,
      });
      const result = JSON.parse(stdout) as {
        requests: { average: number };
        latency: { p50: number; p99: number };
        non2xx: number;
        errors: number;
      };
      return {
        requestsPerSecond: result.requests.average,
        p50Ms: result.latency.p50,
        p99Ms: result.latency.p99,
        failures: result.non2xx + result.errors,
      };
    },
  };
}
