import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openTestDatabase,
  TEST_BACKENDS,
  type BackendTestDatabase,
} from '../testing/test-database.js';
import { consumeRateLimit } from './rate-limit-repository.js';

let t: BackendTestDatabase;
const LIMIT = { limit: 3, windowMs: 60_000 };
const T0 = new Date('2026-01-01T00:00:00Z');
const after = (ms: number) => new Date(T0.getTime() + ms);

describe.each(TEST_BACKENDS)('consumeRateLimit on %s', (backend) => {
  beforeAll(async () => {
    t = await openTestDatabase(backend);
  });
  afterAll(async () => t?.drop());

  it('allows `limit` removals per window and refuses the rest of it', async () => {
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await consumeRateLimit(t.db, 'a', LIMIT, after(i)));
    expect(results).toEqual([true, true, true, false, false]);
    expect(await consumeRateLimit(t.db, 'a', LIMIT, after(59_999))).toBe(false);
  });

  it('starts a new window a full window after the first removal of the last one', async () => {
    expect(await consumeRateLimit(t.db, 'a', LIMIT, after(60_000))).toBe(true);
    expect(await consumeRateLimit(t.db, 'a', LIMIT, after(60_001))).toBe(true);
    expect(await consumeRateLimit(t.db, 'a', LIMIT, after(60_002))).toBe(true);
    expect(await consumeRateLimit(t.db, 'a', LIMIT, after(60_003))).toBe(false);
  });

  it('counts each bucket on its own', async () => {
    expect(await consumeRateLimit(t.db, 'b', LIMIT, after(1))).toBe(true);
  });

  it('holds the limit under concurrent removals', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, () => consumeRateLimit(t.db, 'c', LIMIT, T0)),
    );
    expect(results.filter(Boolean)).toHaveLength(3);
  });

  it('sweeps buckets whose window ended long ago when a new window starts', async () => {
    await consumeRateLimit(t.db, 'old', LIMIT, T0);
    await consumeRateLimit(t.db, 'fresh', LIMIT, after(3_600_000));
    const buckets = await t.db.selectFrom('rate_limit_windows').select('bucket').execute();
    expect(buckets.map((b) => b.bucket)).toEqual(['fresh']);
  });
});
