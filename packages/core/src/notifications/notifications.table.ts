import type { ColumnType, Generated, Selectable } from 'kysely';

/** `notifications` (migrations/0008). */
export interface NotificationsTable {
  id: Generated<number>;
  tenant_id: number;
  /** The creator; null once that user is deleted (the notification stays with the tenant). */
  user_id: number | null;
  name: string;
  /** jsonb: written as JSON text, read back parsed. */
  config: ColumnType<Record<string, unknown>, string, string>;
  is_default: Generated<boolean>;
  active: Generated<boolean>;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** `monitor_notifications` (migrations/0008): a monitor's `notificationIDList`. */
export interface MonitorNotificationsTable {
  tenant_id: number;
  monitor_id: number;
  notification_id: number;
}

export type NotificationRow = Selectable<NotificationsTable>;
