import { Counter } from 'prom-client';
import type { OperatorRegistry } from './operator-registry.js';

/** Delivery attempts of notifications, by provider (`slack`, `smtp`, …) and outcome. */
export function registerNotificationMetrics(registry: OperatorRegistry) {
  return {
    notificationDeliveries: new Counter({
      name: 'watchpost_notification_deliveries_total',
      help: 'Notification delivery attempts, by provider and outcome.',
      labelNames: ['provider', 'outcome'] as const,
      registers: [registry],
    }),
  };
}

export type NotificationMetrics = ReturnType<typeof registerNotificationMetrics>;
