import type { ServiceContext } from '../services/service-context.js';
import { listApiKeys } from './list-api-keys.js';

/** Pushes `apiKeyList` (spec §5.10) to the tenant's room. */
export async function pushApiKeyList(ctx: ServiceContext): Promise<void> {
  ctx.events.emit(ctx.tenantId, 'apiKeyList', await listApiKeys(ctx));
}
