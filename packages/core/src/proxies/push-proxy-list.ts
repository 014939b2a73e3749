import type { ServiceContext } from '../services/service-context.js';
import { listProxies } from './list-proxies.js';

/** Sends the tenant's `proxyList` (docs/protocol/proxies.md#proxy-object) to its room, after a change to its proxies. */
export async function pushProxyList(ctx: ServiceContext): Promise<void> {
  ctx.events.emit(ctx.tenantId, 'proxyList', await listProxies(ctx));
}
