import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDateTimeMs } from './kuma-time.js';

describe('formatDateTimeMs (DATETIME_MS)', () => {
  it('formats in UTC with milliseconds, a space instead of T and no zone', () => {
    expect(formatDateTimeMs(new Date('2023-05-01T17:22:20.289Z'))).toBe('2023-05-01 17:22:20.289');
  });

  it('zero-pads every field', () => {
    expect(formatDateTimeMs(new Date('2024-01-02T03:04:05.006Z'))).toBe('2024-01-02 03:04:05.006');
    expect(formatDateTimeMs(new Date('2024-01-02T03:04:05.000Z'))).toBe('2024-01-02 03:04:05.000');
  });

  it('uses UTC regardless of the offset the date was written with', () => {
    expect(formatDateTimeMs(new Date('2024-01-01T01:30:00.123+02:00'))).toBe(
      '2023-12-31 23:30:00.123',
    );
  });

  it('agrees with toISOString for an arbitrary instant', () => {
    const d = new Date(1_700_000_123_456);
    expect(formatDateTimeMs(d)).toBe(d.toISOString().slice(0, 23).replace('T', ' '));
  });

  it('throws on an Invalid Date instead of emitting NaN', () => {
    expect(() => formatDateTimeMs(new Date('nope'))).toThrow(RangeError);
  });
});

describe('formatDateTime (DATETIME)', () => {
  it('formats in UTC to whole seconds, dropping (not rounding) milliseconds', () => {
    expect(formatDateTime(new Date('2023-05-01T17:22:20.999Z'))).toBe('2023-05-01 17:22:20');
  });

  it('zero-pads every field', () => {
    expect(formatDateTime(new Date('0999-01-02T03:04:05Z'))).toBe('0999-01-02 03:04:05');
  });

  it('throws on an Invalid Date', () => {
    expect(() => formatDateTime(new Date(Number.NaN))).toThrow(RangeError);
  });
});
