import type { Json } from '../../db/column-types.js';
import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<
  Date | null,
  Date | string | null | undefined,
  Date | string | null
>;
/** jsonb: written as JSON text, read back parsed. */

/** `notification_deliveries` (migrations/0009). */
export interface NotificationDeliveriesTable {
  id: Generated<number>;
  tenant_id: number;
  notification_id: number;
  monitor_id: number | null;
  monitor_name: string | null;
  kind: string;
  beat: Json<unknown> | null;
  msg: string | null;
  status: Generated<string>;
  attempts: Generated<number>;
  next_attempt_at: CreatedAt;
  last_error: string | null;
  created_at: CreatedAt;
  finished_at: NullableTimestamp;
}

/** `notification_delivery_attempts` (migrations/0009). */
export interface NotificationDeliveryAttemptsTable {
  id: Generated<number>;
  delivery_id: number;
  tenant_id: number;
  attempted_at: ColumnType<Date, Date | string, Date | string>;
  provider: string;
  outcome: string;
  error: string | null;
  duration_ms: number;
}

/** `cert_expiry_notices` (migrations/0009). */
export interface CertExpiryNoticesTable {
  monitor_id: number;
  tenant_id: number;
  fingerprint: string;
  days: number;
  sent_at: CreatedAt;
}
