import type { EgressPolicy } from '../egress/egress-policy.js';

/**
 * The contract every notification provider implements (docs/protocol/notification-providers.md#registry-and-send-contract).
 * A provider turns one message into the request its service documents; it never decides
 * when to send, and never logs the config (it holds tokens and passwords).
 */

/** A notification's whole config object, as the client sent it to `addNotification`. */
export type NotificationConfig = Record<string, unknown>;

export interface NotificationMessage {
  /** The text Kuma builds: "[name] [🔴 Down] msg", "[name] [✅ Up] msg" or "<name> Testing". */
  msg: string;
  /** The monitor object without secrets (docs/protocol/notification-providers.md#monitorjson); null for tests and certificate expiry. */
  monitor: Record<string, unknown> | null;
  /** The beat (docs/protocol/notification-providers.md#heartbeatjson); null for tests and certificate expiry. */
  heartbeat: Record<string, unknown> | null;
}

export interface ProviderContext {
  /** The tenant's `primaryBaseURL` setting without a trailing slash, or null when unset. */
  baseUrl: string | null;
  /** Upper bound for one attempt: upstream waits forever, a stuck provider must not. */
  timeoutMs: number;
  /** What a send may connect to, redirects included (architecture rule 10). */
  egress: EgressPolicy;
}

export interface NotificationProvider {
  /** Kuma's type identifier, case-sensitive (`GoogleChat`, `rocket.chat`, `smtp`, …). */
  readonly type: string;
  /**
   * Sends the message. Resolves with the text the client sees on success (normally
   * "Sent Successfully."); rejects with an Error whose message is the text the client sees
   * on failure, in the provider's upstream style (docs/protocol/notification-providers.md#error-texts).
   */
  send(
    config: NotificationConfig,
    message: NotificationMessage,
    context: ProviderContext,
  ): Promise<string>;
}

export const SENT_SUCCESSFULLY = 'Sent Successfully.';
