import { describe, expect, it } from 'vitest';
import { MinHeap } from './min-heap.js';

describe('MinHeap', () => {
  it('pops in key order whatever the push order', () => {
    const heap = new MinHeap<number>((n) => n);
    const values = Array.from({ length: 500 }, (_, i) => (i * 7919) % 503);
    for (const v of values) heap.push(v);
    const popped: number[] = [];
    while (heap.size > 0) popped.push(heap.pop() as number);
    expect(popped).toEqual([...values].sort((a, b) => a - b));
    expect(heap.pop()).toBeUndefined();
  });

  it('keeps order after retain drops items', () => {
    const heap = new MinHeap<number>((n) => n);
    for (const v of [5, 1, 4, 2, 3, 6]) heap.push(v);
    heap.retain((n) => n % 2 === 0);
    expect([heap.pop(), heap.pop(), heap.pop(), heap.pop()]).toEqual([2, 4, 6, undefined]);
  });
});
