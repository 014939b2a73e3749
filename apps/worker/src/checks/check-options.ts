import type { CheckProxy } from '@watchpost/core';

export interface CheckOptions {
  /**
   * A caller's hard stop. Aborting ends the check as DOWN with the reason's message, so abort
   * with e.g. `new Error('timeout by AbortSignal (58s)')` to get Kuma's text (spec §6.3).
   */
  signal?: AbortSignal;
  now?: () => Date;
  /** Send HTTP requests through this proxy instead of connecting directly (spec §3.4). */
  proxy?: CheckProxy | null;
}
