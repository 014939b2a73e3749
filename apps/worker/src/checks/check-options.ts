import type { CheckProxy } from '@watchpost/core';

export interface CheckOptions {
  /**
   * A caller's hard stop. Aborting ends the check as DOWN with the reason's message, so abort
   * with e.g. `new Error('timeout by AbortSignal (58s)')` to get Kuma's text (docs/protocol/monitoring.md#scheduling-retries-and-resend).
   */
  signal?: AbortSignal;
  now?: () => Date;
  /** Send HTTP requests through this proxy instead of connecting directly (docs/protocol/proxies.md). */
  proxy?: CheckProxy | null;
}
