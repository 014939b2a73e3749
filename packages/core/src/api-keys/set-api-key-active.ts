import { AppError } from '../errors/app-error.js';
import type { ServiceContext } from '../services/service-context.js';
import * as apiKeyRepository from './api-key-repository.js';
import { API_KEY_NOT_FOUND_MSG } from './api-key-texts.js';
import { pushApiKeyList } from './push-api-key-list.js';

/** enableApiKey / disableApiKey: the list push is left to `publish` (docs/protocol/api-keys.md: ack, then push). */
export async function setApiKeyActive(
  ctx: ServiceContext,
  id: number,
  active: boolean,
): Promise<{ publish: () => Promise<void> }> {
  const changed = await apiKeyRepository.setApiKeyActive(ctx.db, ctx.tenantId, id, active);
  if (!changed) throw new AppError('not-found', API_KEY_NOT_FOUND_MSG);
  return { publish: () => pushApiKeyList(ctx) };
}
