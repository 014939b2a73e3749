import { AppError } from '../errors/app-error.js';
import type { ServiceContext } from '../services/service-context.js';
import * as apiKeyRepository from './api-key-repository.js';
import { API_KEY_NOT_FOUND_MSG } from './api-key-texts.js';
import { pushApiKeyList } from './push-api-key-list.js';

/**
 * docs/protocol/api-keys.md; the list push is left to `publish`, run after the reply. The sessions logged
 * in with the key are the transport's to end.
 */
export async function deleteApiKey(
  ctx: ServiceContext,
  id: number,
): Promise<{ publish: () => Promise<void> }> {
  const deleted = await apiKeyRepository.deleteApiKey(ctx.db, ctx.tenantId, id);
  if (!deleted) throw new AppError('not-found', API_KEY_NOT_FOUND_MSG);
  return { publish: () => pushApiKeyList(ctx) };
}
