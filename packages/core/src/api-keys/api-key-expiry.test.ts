import { describe, expect, it } from 'vitest';
import { isExpired, parseExpiry } from './api-key-expiry.js';

describe('parseExpiry', () => {
  it.each([
    ['2030-12-31 23:59:59', '2030-12-31T23:59:59.000Z'],
    ['2030-12-31 23:59', '2030-12-31T23:59:00.000Z'],
    ['2030-12-31T23:59', '2030-12-31T23:59:00.000Z'],
    ['2030-12-31T23:59:59.5', '2030-12-31T23:59:59.500Z'],
    ['2030-12-31', '2030-12-31T00:00:00.000Z'],
    ['2024-02-29 12:00:00', '2024-02-29T12:00:00.000Z'],
  ])('reads %s as server-local (UTC) time', (text, iso) => {
    expect(parseExpiry(text)?.toISOString()).toBe(iso);
  });

  it.each([
    '',
    'tomorrow',
    '2030-12-31T23:59:59Z',
    '2023-02-29 12:00:00',
    '2030-13-01 00:00:00',
    '2030-12-31 24:00:00',
    '2030-12-31 23:60:00',
    '2030-12-31  23:59:59',
    ' 2030-12-31 23:59:59',
  ])('refuses %j', (text) => {
    expect(parseExpiry(text)).toBeNull();
  });
});

describe('isExpired', () => {
  const at = new Date('2030-01-01T00:00:00Z');
  it('never expires a key without an expiry', () => {
    expect(isExpired(null, at)).toBe(false);
  });
  it('expires a key at its expiry instant, not before', () => {
    expect(isExpired(new Date(at.getTime() + 1), at)).toBe(false);
    expect(isExpired(at, at)).toBe(true);
  });
});
