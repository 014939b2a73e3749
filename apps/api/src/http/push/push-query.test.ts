import { describe, expect, it } from 'vitest';
import {
  MAX_PUSH_MSG_LENGTH,
  MAX_PUSH_PING_MS,
  pushQuerySchema,
  pushTokenSchema,
} from './push-query.js';

const parse = (query: Record<string, unknown>) => pushQuerySchema.parse(query);

describe('pushQuerySchema (docs/protocol/http.md#push-endpoint)', () => {
  it('defaults to status up, msg "OK" and no ping', () => {
    expect(parse({})).toEqual({ status: 'up', msg: 'OK', pingMs: null });
  });

  it('treats empty values as missing, as upstream’s `||` does', () => {
    expect(parse({ status: '', msg: '', ping: '' })).toEqual({
      status: 'up',
      msg: 'OK',
      pingMs: null,
    });
  });

  it('maps "up" to up and anything else to down', () => {
    expect(parse({ status: 'up' }).status).toBe('up');
    for (const status of ['down', 'UP', 'ok', '1', 'true']) {
      expect(parse({ status }).status).toBe('down');
    }
  });

  it('parses ping as a float, leniently', () => {
    expect(parse({ ping: '12.75' }).pingMs).toBe(12.75);
    expect(parse({ ping: '42ms' }).pingMs).toBe(42);
    expect(parse({ ping: '1e3' }).pingMs).toBe(1000);
  });

  it('gives null for a missing, invalid, zero, negative or infinite ping', () => {
    for (const ping of ['abc', '0', '-5', 'Infinity', 'NaN', '-Infinity']) {
      expect(parse({ ping }).pingMs).toBeNull();
    }
  });

  it('clamps an absurd ping', () => {
    expect(parse({ ping: '1e308' }).pingMs).toBe(MAX_PUSH_PING_MS);
    // Beyond float range it parses as Infinity, which counts as invalid.
    expect(parse({ ping: '9'.repeat(400) }).pingMs).toBeNull();
  });

  it('keeps the msg as sent, minus NUL characters Postgres cannot store', () => {
    expect(parse({ msg: 'backup <ok> & "done" ✅' }).msg).toBe('backup <ok> & "done" ✅');
    expect(parse({ msg: 'a\u0000b\u0000' }).msg).toBe('ab');
    expect(parse({ msg: '\u0000' }).msg).toBe('');
  });

  it('cuts a huge msg without splitting a character', () => {
    expect(parse({ msg: 'x'.repeat(100_000) }).msg).toHaveLength(MAX_PUSH_MSG_LENGTH);
    const emoji = parse({ msg: 'x' + '😀'.repeat(MAX_PUSH_MSG_LENGTH) }).msg;
    expect(emoji.length).toBe(MAX_PUSH_MSG_LENGTH - 1);
    expect(emoji.endsWith('😀')).toBe(true);
  });

  it('takes the first of repeated parameters', () => {
    expect(parse({ status: ['down', 'up'], msg: ['a', 'b'], ping: ['3', '4'] })).toEqual({
      status: 'down',
      msg: 'a',
      pingMs: 3,
    });
  });
});

describe('pushTokenSchema', () => {
  it('accepts what add/editMonitor accept', () => {
    expect(pushTokenSchema.safeParse('Ab3_xY-9Zq').success).toBe(true);
    expect(pushTokenSchema.safeParse('a'.repeat(64)).success).toBe(true);
  });

  it('refuses what no monitor can have', () => {
    for (const token of ['', 'a'.repeat(65), 'a b', 'a%00', '../x', 'ä']) {
      expect(pushTokenSchema.safeParse(token).success).toBe(false);
    }
  });
});
