import type { CheckResult } from '@watchpost/core';

export function down(msg: string): CheckResult {
  return { status: 'down', msg, pingMs: null };
}

/**
 * The msg for anything thrown, e.g. Kuma's `connect ECONNREFUSED 127.0.0.1:80` for a refused
 * connection. undici (and fetch) wrap the socket's system error in `cause`, so the innermost
 * error is the one that carries that text.
 */
export function describeError(error: unknown): string {
  let current = error;
  while (current instanceof Error && current.cause instanceof Error) current = current.cause;
  // Node's happy-eyeballs connect (autoSelectFamily) fails with one error per address tried
  // and an empty message of its own.
  if (current instanceof AggregateError && current.message === '') {
    const messages = (current.errors as unknown[]).map(describeError);
    return [...new Set(messages)].join('; ') || 'AggregateError';
  }
  if (current instanceof Error) return current.message || current.name;
  if (typeof current === 'object' && current !== null && 'message' in current) {
    return String(current.message);
  }
  return String(current);
}
