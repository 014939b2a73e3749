import type { ServiceContext } from '../services/service-context.js';

/**
 * Tells every API node that what this tenant's public pages show changed, so their cached
 * copies go at once (docs/protocol/http.md#general-behaviour). Not awaited: the change is stored, and a Redis outage must
 * neither delay nor fail the reply; cached pages then still expire within their short TTL.
 */
export function publishStatusPageChange(ctx: ServiceContext): void {
  const { tenantId } = ctx;
  ctx.changeBus.publishStatusPageChange({ tenantId }).catch((error: unknown) => {
    ctx.logger.warn({ err: error, tenantId }, 'could not publish status page change');
  });
}
