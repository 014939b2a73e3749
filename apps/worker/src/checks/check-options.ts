import type { CheckProxy } from '@watchpost/core';
import type { EgressPolicy } from '@watchpost/core/egress';

export interface CheckOptions {
  /**
   * A caller's hard stop. Aborting ends the check as DOWN with the reason's message, so abort
   * with e.g. `new Error('timeout by AbortSignal (58s)')` to get Kuma's text (docs/protocol/monitoring.md#scheduling-retries-and-resend).
   */
  signal?: AbortSignal;
  now?: () => Date;
  /** Send HTTP requests through this proxy instead of connecting directly (docs/protocol/proxies.md). */
  proxy?: CheckProxy | null;
  /**
   * What the check may connect to (architecture rule 10). Unset allows every address, as in
   * embedded mode; the worker always passes its configured policy.
   */
  egress?: EgressPolicy;
  /** Whose check this is: the JSON-query processes are shared out by tenant. */
  tenantId?: number;
}
