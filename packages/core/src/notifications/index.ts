// Server-only: notification providers, their HTTP conventions, and the delivery record.
export * from './provider.js';
export * from './http.js';
export * from './registry.js';
export { NOTIFICATION_PROVIDERS } from './providers/index.js';
export * from './delivery/retry-policy.js';
export * from './delivery/delivery-message.js';
export * as deliveryRepository from './delivery/delivery-repository.js';
export type {
  AttemptRecord,
  DeliveryRecord,
  DeliveryToAttempt,
} from './delivery/delivery-repository.js';
export * from './delivery/provider-monitor-json.js';
export * from './delivery/loggable-provider-error.js';
export * from './delivery/cert-expiry.js';
export * from './delivery/tenant-cert-expiry.js';
