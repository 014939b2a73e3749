import { describe, expect, it } from 'vitest';
import { createTtlLruCache } from './badge-cache.js';

function clock(start = 1_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('createTtlLruCache', () => {
  it('serves an entry until its time to live has passed', async () => {
    const time = clock();
    const cache = createTtlLruCache<string>({ maxEntries: 10, ttlMs: 30_000, now: time.now });
    await cache.getOrLoad('a', async () => 'first');
    time.advance(29_999);
    expect(cache.get('a')).toBe('first');
    time.advance(1);
    expect(cache.get('a')).toBeUndefined();
    expect(await cache.getOrLoad('a', async () => 'second')).toBe('second');
  });

  it('evicts the least recently used entry beyond maxEntries', async () => {
    const cache = createTtlLruCache<number>({ maxEntries: 2, ttlMs: 60_000 });
    await cache.getOrLoad('a', async () => 1);
    await cache.getOrLoad('b', async () => 2);
    expect(cache.get('a')).toBe(1); // a is now more recent than b
    await cache.getOrLoad('c', async () => 3);
    expect(cache.size).toBe(2);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
  });

  it('runs one load for concurrent misses of the same key', async () => {
    const cache = createTtlLruCache<string>({ maxEntries: 10, ttlMs: 60_000 });
    let loads = 0;
    let release: (value: string) => void = () => undefined;
    const load = () => {
      loads += 1;
      return new Promise<string>((resolve) => (release = resolve));
    };
    const both = Promise.all([cache.getOrLoad('k', load), cache.getOrLoad('k', load)]);
    release('v');
    expect(await both).toEqual(['v', 'v']);
    expect(loads).toBe(1);
    expect(cache.get('k')).toBe('v');
  });

  it('stores nothing when a load fails, so the next request tries again', async () => {
    const cache = createTtlLruCache<string>({ maxEntries: 10, ttlMs: 60_000 });
    await expect(cache.getOrLoad('k', () => Promise.reject(new Error('db down')))).rejects.toThrow(
      'db down',
    );
    expect(cache.size).toBe(0);
    expect(await cache.getOrLoad('k', async () => 'ok')).toBe('ok');
  });

  it('forgets everything on clear, including a load that was still running', async () => {
    const cache = createTtlLruCache<string>({ maxEntries: 10, ttlMs: 60_000 });
    await cache.getOrLoad('a', async () => 'old');
    let release: (value: string) => void = () => undefined;
    const running = cache.getOrLoad('b', () => new Promise<string>((r) => (release = r)));
    cache.clear();
    release('stale');
    expect(await running).toBe('stale');
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toBeUndefined();
  });

  it('forgets only the entries deleteWhere picks, and every load still running', async () => {
    const cache = createTtlLruCache<{ tenant: number }>({ maxEntries: 10, ttlMs: 60_000 });
    await cache.getOrLoad('a', async () => ({ tenant: 1 }));
    await cache.getOrLoad('b', async () => ({ tenant: 2 }));
    let release: (value: { tenant: number }) => void = () => undefined;
    const running = cache.getOrLoad('c', () => new Promise((r) => (release = r)));
    cache.deleteWhere((v) => v.tenant === 1);
    release({ tenant: 2 });
    await running;
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toEqual({ tenant: 2 });
    expect(cache.get('c')).toBeUndefined();
  });

  it('keeps each value as long as ttlMs says, and none when it says 0', async () => {
    const time = clock();
    const cache = createTtlLruCache<number>({ maxEntries: 10, ttlMs: 60_000, now: time.now });
    const lifetime = (v: number) => v * 1_000;
    await cache.getOrLoad('short', async () => 10, lifetime);
    await cache.getOrLoad('none', async () => 0, lifetime);
    expect(cache.get('none')).toBeUndefined();
    time.advance(10_000);
    expect(cache.get('short')).toBeUndefined();
  });

  it('evicts the least recently used entries beyond maxWeight and skips heavier values', async () => {
    const cache = createTtlLruCache<string>({
      maxEntries: 10,
      ttlMs: 60_000,
      maxWeight: 10,
      weigh: (v) => v.length,
    });
    await cache.getOrLoad('a', async () => 'aaaa');
    await cache.getOrLoad('b', async () => 'bbbb');
    await cache.getOrLoad('c', async () => 'cccc');
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(2);
    await cache.getOrLoad('huge', async () => 'x'.repeat(11));
    expect(cache.get('huge')).toBeUndefined();
    expect(cache.get('b')).toBe('bbbb');
    cache.clear();
    await cache.getOrLoad('d', async () => 'dddddddddd');
    expect(cache.get('d')).toBe('dddddddddd');
  });
});
