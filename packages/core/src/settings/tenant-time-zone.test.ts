import { describe, expect, it } from 'vitest';
import { DEFAULT_TIME_ZONE, resolveTenantTimeZone, zonedDateTime } from './tenant-time-zone.js';

describe('resolveTenantTimeZone', () => {
  it('uses the tenant’s zone when the runtime knows it', () => {
    expect(resolveTenantTimeZone('Europe/Berlin')).toBe('Europe/Berlin');
    expect(resolveTenantTimeZone('UTC')).toBe('UTC');
  });

  it('falls back to the default zone for a missing, empty, unknown or non-text setting', () => {
    for (const setting of [undefined, null, '', 'Mars/Olympus', 42, ['Europe/Berlin']]) {
      expect(resolveTenantTimeZone(setting)).toBe(DEFAULT_TIME_ZONE);
    }
    expect(DEFAULT_TIME_ZONE).toBe('UTC');
  });
});

describe('zonedDateTime', () => {
  const at = new Date('2024-07-01T21:30:15.250Z');

  it('reports the wall clock and the offset of the zone at that instant, summer time included', () => {
    expect(zonedDateTime(at, 'Europe/Berlin')).toEqual({
      timezone: 'Europe/Berlin',
      timezoneOffset: '+02:00',
      localDateTime: '2024-07-01 23:30:15',
    });
    expect(zonedDateTime(new Date('2024-01-15T12:00:00Z'), 'Europe/Berlin')).toMatchObject({
      timezoneOffset: '+01:00',
      localDateTime: '2024-01-15 13:00:00',
    });
  });

  it('crosses the date line and handles half-hour and negative offsets', () => {
    expect(zonedDateTime(at, 'Asia/Kolkata')).toEqual({
      timezone: 'Asia/Kolkata',
      timezoneOffset: '+05:30',
      localDateTime: '2024-07-02 03:00:15',
    });
    expect(zonedDateTime(at, 'America/New_York')).toMatchObject({
      timezoneOffset: '-04:00',
      localDateTime: '2024-07-01 17:30:15',
    });
  });

  it('reports UTC as itself', () => {
    expect(zonedDateTime(at, 'UTC')).toEqual({
      timezone: 'UTC',
      timezoneOffset: '+00:00',
      localDateTime: '2024-07-01 21:30:15',
    });
  });
});
