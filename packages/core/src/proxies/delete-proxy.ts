import { AppError } from '../errors/app-error.js';
import { pushMonitorList } from '../monitors/push-monitor-list.js';
import type { ServiceContext } from '../services/service-context.js';
import { pushProxyList } from './push-proxy-list.js';
import { PROXY_NOT_FOUND_MSG } from './proxy-wire.js';
import * as proxyRepository from './proxy-repository.js';

/** `deleteProxy` (docs/protocol/proxies.md#deleteproxy): the tenant's monitors that used it go direct; then the pushes. */
export async function deleteProxy(ctx: ServiceContext, id: number): Promise<void> {
  const deleted = await proxyRepository.deleteProxy(ctx.db, ctx.tenantId, id);
  if (!deleted) throw new AppError('not-found', PROXY_NOT_FOUND_MSG);
  await pushProxyList(ctx);
  // Not pushed upstream; without it cached monitors would still show the proxy.
  if (deleted.unlinkedMonitorCount > 0) await pushMonitorList(ctx);
}
