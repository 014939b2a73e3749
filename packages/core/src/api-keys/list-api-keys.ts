import type { ServiceContext } from '../services/service-context.js';
import * as apiKeyRepository from './api-key-repository.js';
import { toApiKeyJson, type ApiKeyJson } from './api-key-wire.js';

/** docs/protocol/api-keys.md#api-key-object: every key of the tenant (whoever created it), never a key or its hash. */
export async function listApiKeys(ctx: ServiceContext): Promise<ApiKeyJson[]> {
  const now = new Date();
  return (await apiKeyRepository.listApiKeys(ctx.db, ctx.tenantId)).map((key) =>
    toApiKeyJson(key, now),
  );
}
