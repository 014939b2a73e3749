import type { CheckProxy, CheckResult, Monitor, MonitorType } from '@watchpost/core';
import type { EgressPolicy } from '@watchpost/core/egress';
import { resolveTimeoutMs } from './check-deadline.js';
import { down } from './check-error.js';
import type { CheckOptions } from './check-options.js';
import { runDnsCheck } from './dns-check.js';
import { runHttpCheck } from './http-check.js';
import { runPortCheck } from './port-check.js';

/** Kuma aborts a check hard 10 s after its own timeout (docs/protocol/monitoring.md#scheduling-retries-and-resend). */
const HARD_ABORT_GRACE_MS = 10_000;

/**
 * The DOWN msg of a type Watchpost stores but cannot check yet (issue 5): plain words for the
 * event list, so nobody mistakes it for a fault of their target.
 */
export function checkerUnavailableMsg(type: MonitorType): string {
  return `The "${type}" checker is not available in Watchpost yet`;
}

/** Runs the check for the monitor's type. Never throws for a failing target (architecture rule 5). */
export async function runCheck(
  monitor: Monitor,
  proxy: CheckProxy | null = null,
  egress?: EgressPolicy,
): Promise<CheckResult> {
  const timeoutMs = resolveTimeoutMs(monitor);
  const abort = new AbortController();
  const timer = setTimeout(
    () => abort.abort(new Error(`timeout by AbortSignal (${timeoutMs / 1000}s)`)),
    timeoutMs + HARD_ABORT_GRACE_MS,
  );
  try {
    return await runCheckOfType(monitor, {
      signal: abort.signal,
      proxy,
      egress,
      tenantId: monitor.tenantId,
    });
  } finally {
    clearTimeout(timer);
  }
}

function runCheckOfType(monitor: Monitor, options: CheckOptions): Promise<CheckResult> {
  const type: MonitorType = monitor.type;
  switch (type) {
    case 'http':
    case 'keyword':
    case 'json-query':
      return runHttpCheck(monitor, options);
    case 'port':
      return runPortCheck(monitor, options);
    case 'dns':
      return runDnsCheck(monitor, options);
    case 'push':
      // Push monitors have no target to call; the processor evaluates their window instead.
      throw new Error('push monitors are checked by runPushCheck, not runCheck');
    case 'group':
      // A group's status comes from its children's stored state, not from a target.
      throw new Error('group monitors are checked by runGroupCheck, not runCheck');
    case 'grpc-keyword':
    case 'ping':
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
    case 'tailscale-ping':
      return Promise.resolve(down(checkerUnavailableMsg(type)));
    default: {
      const unreachable: never = type;
      return unreachable;
    }
  }
}
