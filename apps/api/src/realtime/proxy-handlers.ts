import { ownedIdOrNullSchema, ownedIdSchema } from '@watchpost/core';
import type { Kysely } from 'kysely';
import { AppError, proxyInputSchema, toProxyJson, type ProxyJson } from '@watchpost/core';
import { proxyRepository, type Database } from '@watchpost/core/db';
import { tenantRoom } from '@watchpost/core/realtime';
import { defineHandler, type SocketHandler } from './define-handler.js';
import { loadMonitorList } from '@watchpost/core/services';
import type { RealtimeDeps } from './realtime-deps.js';

// Literal texts of spec §3.4 / §9.2. "not found" also answers another tenant's id, so ids
// cannot be probed.
const SAVED_MSG = 'Saved';
const DELETED_MSG = 'Deleted';
export const PROXY_NOT_FOUND_MSG = 'proxy not found';
const INVALID_PROXY_ID_MSG = 'Invalid proxy ID.';

export const proxyHandlers: readonly SocketHandler[] = [
  // Spec §3.4: proxyList (and monitorList after applyExisting) to the room, then the ack.
  defineHandler(
    'addProxy',
    [proxyInputSchema, ownedIdOrNullSchema(INVALID_PROXY_ID_MSG)],
    async ({ deps, session }, [input, id]) => {
      const { tenantId } = session;
      const saved = await proxyRepository.saveProxy(deps.db, tenantId, session.userId, id, input);
      if (!saved) throw new AppError('not-found', PROXY_NOT_FOUND_MSG);
      await pushProxyList(deps, tenantId);
      if (input.applyExisting) await pushMonitorList(deps, tenantId);
      return { ok: true, msg: SAVED_MSG, id: saved.id };
    },
  ),

  // Spec §3.4: monitors that used it go direct; push, then ack.
  defineHandler(
    'deleteProxy',
    [ownedIdSchema(INVALID_PROXY_ID_MSG)],
    async ({ deps, session }, [id]) => {
      const { tenantId } = session;
      const deleted = await proxyRepository.deleteProxy(deps.db, tenantId, id);
      if (!deleted) throw new AppError('not-found', PROXY_NOT_FOUND_MSG);
      await pushProxyList(deps, tenantId);
      // Not pushed upstream; without it cached monitors would still show the proxy.
      if (deleted.unlinkedMonitorCount > 0) await pushMonitorList(deps, tenantId);
      return { ok: true, msg: DELETED_MSG };
    },
  ),
];

/**
 * A monitor may name only a proxy of its own tenant (DESIGN rule 1). The worker would not use
 * another tenant's anyway; refusing here keeps the stored monitor honest about its route.
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

/** Spec §5.6: the tenant's proxies, passwords included; sent to its own room only. */
export async function loadProxyList(db: Kysely<Database>, tenantId: number): Promise<ProxyJson[]> {
  return (await proxyRepository.listProxies(db, tenantId)).map(toProxyJson);
}

async function pushProxyList(deps: RealtimeDeps, tenantId: number): Promise<void> {
  deps.io.to(tenantRoom(tenantId)).emit('proxyList', await loadProxyList(deps.db, tenantId));
}

async function pushMonitorList(deps: RealtimeDeps, tenantId: number): Promise<void> {
  deps.io.to(tenantRoom(tenantId)).emit('monitorList', await loadMonitorList(deps.db, tenantId));
}
