// How the stored `general` settings that change behaviour are read (docs/protocol/settings.md#settings-object). Values are
// whatever a client once sent through `setSettings`, so every reader falls back to the
// default on a value it cannot use, and `invalidSettingMessage` keeps new bad values out.

/** docs/protocol/settings.md#settings-object `keepDataPeriodDays` default (upstream writes it when missing; this reads it). */
export const DEFAULT_KEEP_DATA_PERIOD_DAYS = 180;

/** docs/protocol/settings.md#settings-object `tlsExpiryNotifyDays` default. */
export const DEFAULT_TLS_EXPIRY_NOTIFY_DAYS: readonly number[] = [7, 14, 21];

// Each threshold is a stored row per monitor once it fires (cert_expiry_notices.days is an
// int column), so the list and its values are bounded; ten years covers any certificate.
const MAX_TLS_EXPIRY_THRESHOLDS = 30;
const MAX_TLS_EXPIRY_DAYS = 3650;
const MAX_KEEP_DATA_PERIOD_DAYS = 36_500;

/** `primaryBaseURL` as providers use it: no trailing slash, null when unset or blank. */
export function primaryBaseUrlOf(setting: unknown): string | null {
  if (typeof setting !== 'string') return null;
  const base = setting.trim().replace(/\/+$/, '');
  return base === '' ? null : base;
}

/**
 * The thresholds a tenant's certificate reminders use: its list when that is a list of
 * positive whole numbers of days (an empty list means no reminders), else the default.
 * Duplicates are dropped so one threshold never sends twice.
 */
export function tlsExpiryNotifyDaysOf(setting: unknown): readonly number[] {
  return isTlsExpiryNotifyDays(setting) ? [...new Set(setting)] : DEFAULT_TLS_EXPIRY_NOTIFY_DAYS;
}

/**
 * Days of heartbeats a tenant keeps, or null for "forever" (a value below 1, docs/protocol/monitoring.md#data-retention).
 * A missing or unusable value means the default, as upstream's cleanup job reads it.
 */
export function keepDataPeriodDaysOf(setting: unknown): number | null {
  const days = isKeepDataPeriodDays(setting) ? setting : DEFAULT_KEEP_DATA_PERIOD_DAYS;
  return days < 1 ? null : days;
}

/**
 * Why `setSettings` data would be refused, or null when every key it checks is usable.
 * Only the keys Watchpost acts on are checked; upstream stores the rest as sent.
 */
export function invalidSettingMessage(data: Record<string, unknown>): string | null {
  const thresholds = data['tlsExpiryNotifyDays'];
  if (thresholds !== undefined && !isTlsExpiryNotifyDays(thresholds)) {
    return (
      `tlsExpiryNotifyDays must be a list of at most ${MAX_TLS_EXPIRY_THRESHOLDS} whole ` +
      `numbers of days from 1 to ${MAX_TLS_EXPIRY_DAYS}.`
    );
  }
  const keep = data['keepDataPeriodDays'];
  if (keep !== undefined && !isKeepDataPeriodDays(keep)) {
    return (
      `keepDataPeriodDays must be a whole number of days up to ${MAX_KEEP_DATA_PERIOD_DAYS} ` +
      '(0 keeps data forever).'
    );
  }
  return null;
}

function isTlsExpiryNotifyDays(value: unknown): value is number[] {
  return (
    Array.isArray(value) &&
    value.length <= MAX_TLS_EXPIRY_THRESHOLDS &&
    value.every(
      (days) =>
        Number.isInteger(days) && (days as number) >= 1 && (days as number) <= MAX_TLS_EXPIRY_DAYS,
    )
  );
}

function isKeepDataPeriodDays(value: unknown): value is number {
  // Below 1 is "keep forever", so negative numbers are valid too.
  return Number.isInteger(value) && (value as number) <= MAX_KEEP_DATA_PERIOD_DAYS;
}
