/**
 * A saved notification as the domain sees it. `config` is the whole object the client sent
 * to `addNotification` (docs/protocol/notifications.md): the provider type is `config.type`, and the provider's
 * secrets (tokens, passwords, webhook URLs) sit in it too, so it never leaves its tenant.
 */
export interface Notification {
  id: number;
  tenantId: number;
  /** Who created it; null once that user is deleted. */
  userId: number | null;
  name: string;
  config: Record<string, unknown>;
  isDefault: boolean;
  active: boolean;
  createdAt: Date;
}
