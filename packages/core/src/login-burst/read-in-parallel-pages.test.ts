import { describe, expect, it } from 'vitest';
import { readInParallelPages } from './read-in-parallel-pages.js';

const square = async (page: number[]) => new Map(page.map((id) => [id, id * id]));

describe('readInParallelPages', () => {
  it('reads a small list in one call', async () => {
    const calls: number[][] = [];
    const result = await readInParallelPages([3, 1, 2], async (page) => {
      calls.push(page);
      return square(page);
    });
    expect(calls).toEqual([[3, 1, 2]]);
    expect(result).toEqual(
      new Map([
        [3, 9],
        [1, 1],
        [2, 4],
      ]),
    );
  });

  it('splits thousands of ids into at most four pages and merges every answer', async () => {
    const ids = Array.from({ length: 5001 }, (_, i) => i + 1);
    const calls: number[][] = [];
    const result = await readInParallelPages(ids, async (page) => {
      calls.push(page);
      return square(page);
    });
    expect(calls).toHaveLength(4);
    expect(calls.flat()).toEqual(ids);
    expect(result.size).toBe(ids.length);
    expect(result.get(5001)).toBe(5001 * 5001);
  });

  it('fails when any page fails', async () => {
    const ids = Array.from({ length: 2000 }, (_, i) => i);
    await expect(
      readInParallelPages(ids, async (page) => {
        if (page.includes(1999)) throw new Error('page failed');
        return square(page);
      }),
    ).rejects.toThrow('page failed');
  });
});
