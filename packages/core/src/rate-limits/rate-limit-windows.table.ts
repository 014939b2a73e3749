import type { ColumnType } from 'kysely';

/** `rate_limit_windows` (migrations/0011): one fixed window per limiter bucket. */
export interface RateLimitWindowsTable {
  bucket: string;
  window_start: ColumnType<Date, Date | string, Date | string>;
  used: number;
}
