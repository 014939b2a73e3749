import { describe, expect, it } from 'vitest';
import { formatOffset, fromLocal, parseLocalDateTime, toLocal } from './zoned-time.js';

const utc = (iso: string) => Date.parse(iso);
const local = (text: string) => parseLocalDateTime(text)!;

describe('zoned time', () => {
  it('reads wall-clock times in a zone', () => {
    expect(toLocal(utc('2024-07-01T10:00:00Z'), 'Europe/Berlin')).toBe(
      local('2024-07-01 12:00:00'),
    );
    expect(fromLocal(local('2024-01-15 09:00:00'), 'America/New_York')).toBe(
      utc('2024-01-15T14:00:00Z'),
    );
  });

  it('moves a reading skipped by spring-forward past the jump', () => {
    // Berlin jumps from 02:00 to 03:00 on 2024-03-31.
    expect(fromLocal(local('2024-03-31 02:30:00'), 'Europe/Berlin')).toBe(
      utc('2024-03-31T01:30:00Z'),
    );
  });

  it('maps a reading that happens twice at fall-back to its first occurrence', () => {
    // Berlin goes from 03:00 back to 02:00 on 2024-10-27; 02:30 CEST is 00:30 UTC.
    expect(fromLocal(local('2024-10-27 02:30:00'), 'Europe/Berlin')).toBe(
      utc('2024-10-27T00:30:00Z'),
    );
  });

  it('formats offsets, including half hours and negatives', () => {
    expect(formatOffset(utc('2024-07-01T00:00:00Z'), 'Europe/Berlin')).toBe('+02:00');
    expect(formatOffset(utc('2024-07-01T00:00:00Z'), 'Asia/Kolkata')).toBe('+05:30');
    expect(formatOffset(utc('2024-01-01T00:00:00Z'), 'America/New_York')).toBe('-05:00');
  });

  it('refuses dates that do not exist', () => {
    expect(parseLocalDateTime('2023-02-29 10:00:00')).toBeNull();
    expect(parseLocalDateTime('2023-02-28 24:00:00')).toBeNull();
    expect(parseLocalDateTime('yesterday')).toBeNull();
    expect(parseLocalDateTime('2023-02-28')).toBe(Date.UTC(2023, 1, 28));
  });
});
