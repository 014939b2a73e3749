import { AppError } from '../errors/app-error.js';
import { pushMonitorList } from '../monitors/push-monitor-list.js';
import type { ServiceContext } from '../services/service-context.js';
import { pushProxyList } from './push-proxy-list.js';
import { PROXY_NOT_FOUND_MSG, type ProxyInput } from './proxy-wire.js';
import * as proxyRepository from './proxy-repository.js';

/**
 * `addProxy` (docs/protocol/proxies.md#addproxy): creates when `id` is null, else updates the tenant's proxy; then
 * proxyList (and monitorList after applyExisting) to the room. Answers the proxy's id.
 */
export async function saveProxy(
  ctx: ServiceContext,
  input: ProxyInput,
  id: number | null,
): Promise<{ id: number }> {
  const { db, tenantId } = ctx;
  const saved = await proxyRepository.saveProxy(db, tenantId, ctx.userId, id, input);
  if (!saved) throw new AppError('not-found', PROXY_NOT_FOUND_MSG);
  await pushProxyList(ctx);
  if (input.applyExisting) await pushMonitorList(ctx);
  return { id: saved.id };
}
