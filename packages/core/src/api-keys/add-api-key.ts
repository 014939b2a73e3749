import type { ServiceContext } from '../services/service-context.js';
import type { NewApiKeyInput } from './api-key-input.js';
import * as apiKeyRepository from './api-key-repository.js';
import { DEFAULT_API_KEY_SCOPE } from './api-key-scope.js';
import { pushApiKeyList } from './push-api-key-list.js';

/**
 * docs/protocol/api-keys.md: creates a key for the caller; `apiKeyList` reaches the room before the caller's
 * reply, which carries the clear key (its only appearance).
 */
export async function addApiKey(
  ctx: ServiceContext,
  input: NewApiKeyInput,
): Promise<apiKeyRepository.CreatedApiKey> {
  const created = await apiKeyRepository.createApiKey(ctx.db, ctx.tenantId, ctx.userId, {
    name: input.name,
    ...input.expires,
    active: input.active === undefined ? true : Boolean(input.active),
    scope: input.scope ?? DEFAULT_API_KEY_SCOPE,
  });
  await pushApiKeyList(ctx);
  return created;
}
