import { describe, expect, it } from 'vitest';
import { monitorInputSchema } from '../monitors/monitor-input.js';
import { PUSH_TOKEN_LENGTH, generatePushToken } from './push-token.js';

describe('generatePushToken', () => {
  it('makes 32 characters of A-Za-z0-9, like Kuma’s web UI', () => {
    expect(generatePushToken()).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(PUSH_TOKEN_LENGTH).toBe(32);
  });

  it('never repeats itself', () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => generatePushToken()));
    expect(tokens.size).toBe(1000);
  });

  it('uses the whole alphabet about evenly', () => {
    const counts = new Map<string, number>();
    for (const c of Array.from({ length: 2000 }, () => generatePushToken()).join('')) {
      counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    expect(counts.size).toBe(62);
    // 64,000 characters over 62 symbols: about 1032 each.
    for (const n of counts.values()) {
      expect(n).toBeGreaterThan(850);
      expect(n).toBeLessThan(1250);
    }
  });
});

describe('monitorInputSchema and push tokens', () => {
  const parse = monitorInputSchema(20).parse;
  const push = { type: 'push', name: 'cron', accepted_statuscodes: ['200-299'] };

  it('gives a push monitor without a token a generated one', () => {
    expect(parse(push).pushToken).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(parse({ ...push, pushToken: '' }).pushToken).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(parse({ ...push, pushToken: null }).pushToken).toMatch(/^[A-Za-z0-9]{32}$/);
  });

  it('keeps the token a client chose', () => {
    expect(parse({ ...push, pushToken: 'Ab3_xY-9Zq' }).pushToken).toBe('Ab3_xY-9Zq');
  });

  it('gives no token to other types', () => {
    expect(parse({ ...push, type: 'port', hostname: 'localhost', port: 22 }).pushToken).toBeNull();
  });
});
