import { describe, expect, it } from 'vitest';
import { resolveTimeoutMs } from './check-deadline.js';

describe('resolveTimeoutMs', () => {
  it('uses the timeout in seconds', () => {
    expect(resolveTimeoutMs({ timeout: 48, interval: 60 })).toBe(48_000);
    expect(resolveTimeoutMs({ timeout: 0.3, interval: 60 })).toBe(300);
  });

  it('falls back to 80 % of the interval when the timeout is not positive', () => {
    expect(resolveTimeoutMs({ timeout: 0, interval: 60 })).toBe(48_000);
    expect(resolveTimeoutMs({ timeout: -1, interval: 20 })).toBe(16_000);
  });

  it('stays within what setTimeout can wait', () => {
    expect(resolveTimeoutMs({ timeout: 1e9, interval: 60 })).toBe(2 ** 31 - 1);
  });
});
