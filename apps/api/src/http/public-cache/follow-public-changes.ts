import type { FastifyBaseLogger } from 'fastify';
import type { ChangeBus } from '@watchpost/core/changes';
import type { PublicResponseCache } from './public-response-cache.js';

/**
 * Empties this node's cached public pages whenever any node changes what they show. The bus
 * spans every API node (Redis in distributed mode, memory in embedded mode), so a save on
 * one node is seen fresh on all of them within milliseconds, not after the time to live.
 */
export function followPublicChanges(
  bus: Pick<ChangeBus, 'subscribe' | 'subscribeStatusPageChanges'>,
  cache: PublicResponseCache,
  log: FastifyBaseLogger,
): void {
  const warn = (error: unknown) => {
    // Without invalidation pages are still right within their short TTL: a log, not a crash.
    log.warn({ err: error }, 'public status-page cache does not follow changes');
  };
  bus.subscribe((change) => cache.forgetMonitors(change.tenantId)).catch(warn);
  bus.subscribeStatusPageChanges((change) => cache.forgetStatusPages(change.tenantId)).catch(warn);
}
