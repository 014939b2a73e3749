import { describe, expect, it, vi } from 'vitest';
import { createBackgroundTasks } from './background-tasks.js';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('background tasks', () => {
  it('settles once every task has finished, those started meanwhile included', async () => {
    const tasks = createBackgroundTasks(() => undefined);
    const first = deferred();
    const second = deferred();
    const finished: string[] = [];
    tasks.run(async () => {
      await first.promise;
      tasks.run(async () => {
        await second.promise;
        finished.push('second');
      });
      finished.push('first');
    });
    const settled = tasks.settle(60_000).then((left) => {
      finished.push('settled');
      return left;
    });
    first.resolve();
    await Promise.resolve();
    second.resolve();
    expect(await settled).toBe(0);
    expect(finished).toEqual(['first', 'second', 'settled']);
  });

  it('gives up after the timeout and says how many are still running', async () => {
    vi.useFakeTimers();
    try {
      const tasks = createBackgroundTasks(() => undefined);
      tasks.run(() => new Promise(() => undefined));
      const settled = tasks.settle(5_000);
      await vi.advanceTimersByTimeAsync(5_000);
      expect(await settled).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('hands a failure to onError and keeps running the others', async () => {
    const errors: unknown[] = [];
    const tasks = createBackgroundTasks((error) => errors.push(error));
    let ran = false;
    tasks.run(() => Promise.reject(new Error('boom')));
    tasks.run(() => {
      throw new Error('sync boom');
    });
    tasks.run(async () => {
      ran = true;
    });
    expect(await tasks.settle(1_000)).toBe(0);
    expect(errors.map((e) => (e as Error).message).sort()).toEqual(['boom', 'sync boom']);
    expect(ran).toBe(true);
  });

  it('settles at once with nothing running', async () => {
    expect(await createBackgroundTasks(() => undefined).settle(60_000)).toBe(0);
  });
});
