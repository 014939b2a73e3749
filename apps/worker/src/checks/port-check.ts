import { connect } from 'node:net';
import type { CheckResult, PortCheckSettings } from '@watchpost/core';
import { ALLOW_PRIVATE, egressSocketOptions, refuseLiteral } from '@watchpost/core/egress';
import { resolveTimeoutMs } from './check-deadline.js';
import { describeError, down } from './check-error.js';
import type { CheckOptions } from './check-options.js';

// A TCP connect either completes within a few round trips or hangs in SYN retransmits for
// about two minutes; waiting longer than this only holds a worker slot without learning more.
const MAX_CONNECT_TIMEOUT_MS = 30_000;

/**
 * A `port` check (docs/protocol/monitoring.md#monitor-types): success means the TCP handshake completed. Aborting `signal`
 * ends it as DOWN with the reason's message, like `runHttpCheck`.
 */
export async function runPortCheck(
  settings: PortCheckSettings,
  options: Pick<CheckOptions, 'signal' | 'egress'> = {},
): Promise<CheckResult> {
  const hostname = settings.hostname?.trim() ?? '';
  if (hostname === '') return down('Hostname is not set');
  const { port } = settings;
  if (port === null) return down('Port is not set');
  if (!Number.isInteger(port) || port < 1 || port > 65535) return down(`Invalid port ${port}`);

  const { signal } = options;
  if (signal?.aborted) return down(describeError(signal.reason));
  const egress = options.egress ?? ALLOW_PRIVATE;
  const refused = refuseLiteral(egress, hostname);
  if (refused) return down(refused.message);
  const timeoutMs = Math.min(resolveTimeoutMs(settings), MAX_CONNECT_TIMEOUT_MS);

  return new Promise<CheckResult>((resolve) => {
    const startedAt = performance.now();
    const socket = connect({ host: hostname, port, ...egressSocketOptions(egress) });
    let settled = false;
    const settle = (result: CheckResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      socket.destroy();
      resolve(result);
    };
    const onAbort = (): void => settle(down(describeError(signal?.reason)));
    const timer = setTimeout(() => settle(down(`timeout of ${timeoutMs}ms exceeded`)), timeoutMs);
    signal?.addEventListener('abort', onAbort, { once: true });
    socket.once('connect', () => {
      settle({ status: 'up', msg: '', pingMs: Math.round(performance.now() - startedAt) });
    });
    // `on`, not `once`: a late error after settling must not become an uncaught exception.
    socket.on('error', (error) => settle(down(describeError(error))));
  });
}
