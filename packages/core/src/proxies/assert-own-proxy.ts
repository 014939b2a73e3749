import { AppError } from '../errors/app-error.js';
import type { ServiceContext } from '../services/service-context.js';
import { PROXY_NOT_FOUND_MSG } from './proxy-wire.js';
import * as proxyRepository from './proxy-repository.js';

/**
 * A monitor may name only a proxy of its own tenant (architecture rule 1). The worker would not use
 * another tenant's anyway; refusing here keeps the stored monitor honest about its route.
 * Needs only the database and the tenant, so a caller inside a transaction can pass those.
 */
export async function assertOwnProxy(
  ctx: Pick<ServiceContext, 'db' | 'tenantId'>,
  proxyId: number | null,
): Promise<void> {
  if (proxyId === null) return;
  const proxy = await proxyRepository.findProxy(ctx.db, ctx.tenantId, proxyId);
  if (!proxy) throw new AppError('not-found', PROXY_NOT_FOUND_MSG);
}
