import { describe, expect, it } from 'vitest';
import { createMicroBatcher } from './micro-batcher.js';

describe('createMicroBatcher', () => {
  it('runs concurrent submissions as one batch and answers each caller', async () => {
    const batches: number[][] = [];
    const batcher = createMicroBatcher<number, number>({
      run: async (items) => {
        batches.push(items);
        return items.map((n) => n * 2);
      },
      maxSize: 100,
      maxWaitMs: 5,
    });
    const results = await Promise.all([1, 2, 3].map((n) => batcher.submit(n)));
    expect(results).toEqual([2, 4, 6]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('starts a batch as soon as it is full', async () => {
    const sizes: number[] = [];
    const batcher = createMicroBatcher<number, number>({
      run: async (items) => items,
      maxSize: 2,
      maxWaitMs: 10_000,
      onBatch: (n) => sizes.push(n),
    });
    await Promise.all([1, 2, 3, 4].map((n) => batcher.submit(n)));
    expect(sizes).toEqual([2, 2]);
  });

  it('rejects every caller of a failed batch and keeps working afterwards', async () => {
    let fail = true;
    const batcher = createMicroBatcher<number, number>({
      run: async (items) => {
        if (fail) throw new Error('db down');
        return items;
      },
      maxSize: 10,
      maxWaitMs: 1,
    });
    const outcomes = await Promise.allSettled([batcher.submit(1), batcher.submit(2)]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    await expect(batcher.submit(3)).resolves.toBe(3);
  });

  it('flush runs what is pending without waiting for the timer', async () => {
    const batcher = createMicroBatcher<number, number>({
      run: async (items) => items,
      maxSize: 10,
      maxWaitMs: 60_000,
    });
    const p = batcher.submit(7);
    await batcher.flush();
    await expect(p).resolves.toBe(7);
  });
});
