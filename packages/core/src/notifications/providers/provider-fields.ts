import type { NotificationConfig } from '../provider.js';

/**
 * Reads a config key a provider cannot build its request without (a URL, a token that goes
 * into a header or path). Upstream reads it blindly and fails later with an incidental text
 * ("Cannot read properties of undefined …", a request to `…/undefined`); docs/protocol/notification-providers.md#registry-and-send-contract allows
 * checking up front, which names the missing key instead. Body-only keys are not checked:
 * the service's own answer explains those better than we could.
 */
export function requireConfigText(config: NotificationConfig, key: string): string {
  const value = config[key];
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string' || value === '') {
    throw new Error(`Notification setting "${key}" is missing`);
  }
  return value;
}

/** Upstream's status words: only UP (1) is up, anything else reads as down (docs/protocol/notification-providers.md#when-providers-are-called). */
export function isUpBeat(heartbeat: Record<string, unknown>): boolean {
  return heartbeat.status === 1;
}
