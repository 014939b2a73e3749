import type { ServiceContext } from '../services/service-context.js';
import { setApiKeyActive } from './set-api-key-active.js';

/** docs/protocol/api-keys.md; the list push is left to `publish`, run after the reply. */
export function enableApiKey(
  ctx: ServiceContext,
  id: number,
): Promise<{ publish: () => Promise<void> }> {
  return setApiKeyActive(ctx, id, true);
}
