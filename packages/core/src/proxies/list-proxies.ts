import type { ServiceContext } from '../services/service-context.js';
import { toProxyJson, type ProxyJson } from './proxy-wire.js';
import * as proxyRepository from './proxy-repository.js';

/** docs/protocol/proxies.md#proxy-object: the tenant's proxies, passwords included; for its own room only. */
export async function listProxies(ctx: ServiceContext): Promise<ProxyJson[]> {
  return (await proxyRepository.listProxies(ctx.db, ctx.tenantId)).map(toProxyJson);
}
