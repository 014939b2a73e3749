import type { ServiceContext } from '../services/service-context.js';
import { setApiKeyActive } from './set-api-key-active.js';

/**
 * docs/protocol/api-keys.md; the list push is left to `publish`, run after the reply. The sessions logged
 * in with the key are the transport's to end.
 */
export function disableApiKey(
  ctx: ServiceContext,
  id: number,
): Promise<{ publish: () => Promise<void> }> {
  return setApiKeyActive(ctx, id, false);
}
