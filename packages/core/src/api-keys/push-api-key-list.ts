import type { ServiceContext } from '../services/service-context.js';
import { listApiKeys } from './list-api-keys.js';

/** Pushes `apiKeyList` (docs/protocol/api-keys.md#api-key-object) to the tenant's room. */
export async function pushApiKeyList(ctx: ServiceContext): Promise<void> {
  ctx.events.emit(ctx.tenantId, 'apiKeyList', await listApiKeys(ctx));
}
