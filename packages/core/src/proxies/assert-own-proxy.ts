import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { AppError } from '../errors/app-error.js';
import { PROXY_NOT_FOUND_MSG } from './proxy-wire.js';
import * as proxyRepository from './proxy-repository.js';

/**
 * A monitor may name only a proxy of its own tenant (DESIGN rule 1). The worker would not use
 * another tenant's anyway; refusing here keeps the stored monitor honest about its route.
 * Takes the database and tenant rather than a ServiceContext so a monitor service can call it
 * inside its own transaction.
 */
export async function assertOwnProxy(
  db: Kysely<Database>,
  tenantId: number,
  proxyId: number | null,
): Promise<void> {
  if (proxyId === null) return;
  const proxy = await proxyRepository.findProxy(db, tenantId, proxyId);
  if (!proxy) throw new AppError('not-found', PROXY_NOT_FOUND_MSG);
}
