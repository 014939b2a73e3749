import type { CheckResult, Monitor, MonitorType } from '@watchpost/core';
import { runHttpCheck } from './http-check.js';
import { runPortCheck } from './port-check.js';

/** Kuma aborts a check hard 10 s after its own timeout (spec §6.3). */
const HARD_ABORT_GRACE_MS = 10_000;

/** Runs the check for the monitor's type. Never throws for a failing target (DESIGN rule 5). */
export async function runCheck(monitor: Monitor): Promise<CheckResult> {
  const timeoutSec = monitor.timeout > 0 ? monitor.timeout : monitor.interval * 0.8;
  const abort = new AbortController();
  const timer = setTimeout(
    () => abort.abort(new Error(`timeout by AbortSignal (${timeoutSec}s)`)),
    timeoutSec * 1000 + HARD_ABORT_GRACE_MS,
  );
  try {
    return await runCheckOfType(monitor, abort.signal);
  } finally {
    clearTimeout(timer);
  }
}

function runCheckOfType(monitor: Monitor, signal: AbortSignal): Promise<CheckResult> {
  const type: MonitorType = monitor.type;
  switch (type) {
    case 'http':
    case 'keyword':
    case 'json-query':
      return runHttpCheck(monitor, { signal });
    case 'port':
      return runPortCheck(monitor, { signal });
    case 'push':
      // Push monitors have no target to call; the processor evaluates their window instead.
      throw new Error('push monitors are checked by runPushCheck, not runCheck');
    case 'grpc-keyword':
    case 'ping':
    case 'dns':
    case 'docker':
    case 'real-browser':
    case 'steam':
    case 'gamedig':
    case 'mqtt':
    case 'kafka-producer':
    case 'sqlserver':
    case 'postgres':
    case 'mysql':
    case 'mongodb':
    case 'redis':
    case 'radius':
    case 'group':
    case 'tailscale-ping':
      return Promise.resolve({
        status: 'down',
        msg: `Watchpost cannot run "${type}" checks yet`,
        pingMs: null,
      });
    default: {
      const unreachable: never = type;
      return unreachable;
    }
  }
}
