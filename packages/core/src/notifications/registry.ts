import type { NotificationProvider } from './provider.js';
import { NOTIFICATION_PROVIDERS } from './providers/index.js';

/** Upstream refuses to start with two providers of one name; so does this. */
function buildRegistry(providers: readonly NotificationProvider[]) {
  const byType = new Map<string, NotificationProvider>();
  for (const provider of providers) {
    if (byType.has(provider.type)) throw new Error(`Two providers for "${provider.type}"`);
    byType.set(provider.type, provider);
  }
  return byType;
}

const REGISTRY = buildRegistry(NOTIFICATION_PROVIDERS);

export const UNSUPPORTED_TYPE_MSG = 'Notification type is not supported';

/** The provider for a config's `type`, or undefined (docs/protocol/notification-providers.md#registry-and-send-contract). */
export function providerFor(type: unknown): NotificationProvider | undefined {
  return typeof type === 'string' ? REGISTRY.get(type) : undefined;
}
