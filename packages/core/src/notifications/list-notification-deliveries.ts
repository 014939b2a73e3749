import type { ServiceContext } from '../services/service-context.js';
import * as deliveryRepository from './delivery/delivery-repository.js';

// Enough to answer "why did nobody get paged?" for the latest incidents.
const RECENT_DELIVERIES = 50;

/**
 * Watchpost's own (Kuma has no delivery record): the tenant's latest alerts, newest first,
 * each with every attempt.
 */
export function listNotificationDeliveries(
  ctx: ServiceContext,
): Promise<deliveryRepository.DeliveryRecord[]> {
  return deliveryRepository.listRecentDeliveries(ctx.db, ctx.tenantId, RECENT_DELIVERIES);
}
