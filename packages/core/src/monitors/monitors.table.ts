import type { ColumnType, Generated, GeneratedAlways, Selectable } from 'kysely';
import type { Timestamp, GeneratedTimestamp, Json } from '../db/column-types.js';

export interface MonitorsTable {
  id: Generated<number>;
  tenant_id: number;
  name: string;
  description: string | null;
  type: string;
  parent: number | null;
  active: Generated<boolean>;
  check_interval: Generated<number>;
  retry_interval: Generated<number>;
  resend_interval: Generated<number>;
  maxretries: Generated<number>;
  upside_down: Generated<boolean>;
  timeout: Generated<number>;
  url: string | null;
  method: Generated<string>;
  headers: string | null;
  body: string | null;
  http_body_encoding: string | null;
  hostname: string | null;
  port: number | null;
  ignore_tls: Generated<boolean>;
  maxredirects: Generated<number>;
  accepted_statuscodes: ColumnType<string[], string | undefined, string>;
  keyword: string | null;
  invert_keyword: Generated<boolean>;
  json_path: string | null;
  expected_value: string | null;
  auth_method: string | null;
  basic_auth_user: string | null;
  basic_auth_pass: string | null;
  expiry_notification: Generated<boolean>;
  push_token: string | null;
  proxy_id: number | null;
  dns_resolve_type: string | null;
  dns_resolve_server: string | null;
  dns_last_result: string | null;
  packet_size: Generated<number>;
  weight: Generated<number>;
  extra: ColumnType<Record<string, unknown>, string | undefined, string>;
  badges_public: Generated<boolean>;
  created_at: GeneratedTimestamp;
}

export interface MonitorStateTable {
  monitor_id: number;
  tenant_id: number;
  status: number | null;
  retries: Generated<number>;
  down_count: Generated<number>;
  last_beat_at: Timestamp | null;
  next_due_at: Timestamp | null;
  last_ping: number | null;
  last_msg: string | null;
  tls_info: Json<unknown> | null;
  /** Derived from tls_info by Postgres (generated columns): read-only. */
  cert_valid: GeneratedAlways<boolean | null>;
  cert_days_remaining: GeneratedAlways<number | null>;
  updated_at: GeneratedTimestamp;
  /** Rolling window counters, see stats/window-counters.ts (written by the beat write only). */
  day_since: Timestamp | null;
  day_up: Generated<number>;
  day_down: Generated<number>;
  day_ping_sum: Generated<number>;
  day_ping_count: Generated<number>;
  month_since: Timestamp | null;
  month_up: Generated<number>;
  month_down: Generated<number>;
}

export type MonitorRow = Selectable<MonitorsTable>;
export type MonitorStateRow = Selectable<MonitorStateTable>;
