import { describe, expect, it } from 'vitest';
import {
  DEFAULT_KEEP_DATA_PERIOD_DAYS,
  DEFAULT_TLS_EXPIRY_NOTIFY_DAYS,
  invalidSettingMessage,
  keepDataPeriodDaysOf,
  primaryBaseUrlOf,
  tlsExpiryNotifyDaysOf,
} from './setting-values.js';

describe('primaryBaseUrlOf', () => {
  it('drops trailing slashes and surrounding blanks', () => {
    expect(primaryBaseUrlOf('https://status.example.com/')).toBe('https://status.example.com');
    expect(primaryBaseUrlOf(' https://kuma.example/base// ')).toBe('https://kuma.example/base');
  });

  it('is null when unset, blank or not text', () => {
    for (const setting of [undefined, null, '', '  ', '/', 7, { url: 'x' }]) {
      expect(primaryBaseUrlOf(setting)).toBeNull();
    }
  });
});

describe('tlsExpiryNotifyDaysOf', () => {
  it('uses the tenant’s list of positive whole days, without duplicates', () => {
    expect(tlsExpiryNotifyDaysOf([3, 30])).toEqual([3, 30]);
    expect(tlsExpiryNotifyDaysOf([10, 5, 10])).toEqual([10, 5]);
  });

  it('takes an empty list as "no reminders"', () => {
    expect(tlsExpiryNotifyDaysOf([])).toEqual([]);
  });

  it('falls back to 7, 14 and 21 days for anything else', () => {
    for (const setting of [undefined, null, '7,14', 7, [0], [-1], [1.5], ['7'], [7, null]]) {
      expect(tlsExpiryNotifyDaysOf(setting)).toEqual(DEFAULT_TLS_EXPIRY_NOTIFY_DAYS);
    }
    expect(DEFAULT_TLS_EXPIRY_NOTIFY_DAYS).toEqual([7, 14, 21]);
  });
});

describe('keepDataPeriodDaysOf', () => {
  it('keeps the tenant’s number of days', () => {
    expect(keepDataPeriodDaysOf(30)).toBe(30);
    expect(keepDataPeriodDaysOf(1)).toBe(1);
  });

  it('means forever below one day (docs/protocol/monitoring.md#data-retention)', () => {
    expect(keepDataPeriodDaysOf(0)).toBeNull();
    expect(keepDataPeriodDaysOf(-5)).toBeNull();
  });

  it('uses the default of 180 days when missing or unusable', () => {
    for (const setting of [undefined, null, '', '30', 2.5, []]) {
      expect(keepDataPeriodDaysOf(setting)).toBe(DEFAULT_KEEP_DATA_PERIOD_DAYS);
    }
    expect(DEFAULT_KEEP_DATA_PERIOD_DAYS).toBe(180);
  });
});

describe('invalidSettingMessage', () => {
  it('accepts what Kuma’s settings page and the Python client send', () => {
    expect(
      invalidSettingMessage({
        keepDataPeriodDays: 180,
        tlsExpiryNotifyDays: [7, 14, 21],
        primaryBaseURL: '',
        checkUpdate: true,
      }),
    ).toBeNull();
    expect(invalidSettingMessage({ keepDataPeriodDays: 0, tlsExpiryNotifyDays: [] })).toBeNull();
  });

  it('names the setting that is not a list of positive whole days', () => {
    for (const bad of ['7', [0], [7, 'x'], [3651], Array.from({ length: 31 }, (_, i) => i + 1)]) {
      expect(invalidSettingMessage({ tlsExpiryNotifyDays: bad })).toBe(
        'tlsExpiryNotifyDays must be a list of at most 30 whole numbers of days from 1 to 3650.',
      );
    }
  });

  it('names a retention period that is not a whole number of days', () => {
    for (const bad of ['30', 1.5, null, 100_000]) {
      expect(invalidSettingMessage({ keepDataPeriodDays: bad })).toBe(
        'keepDataPeriodDays must be a whole number of days up to 36500 (0 keeps data forever).',
      );
    }
  });
});
