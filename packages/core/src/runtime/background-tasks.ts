/**
 * Work a role starts after it has answered (statistics pushed after a reply, say) and must
 * let finish before it closes the connections that work uses.
 */
export interface BackgroundTasks {
  /** Starts `task` now; a rejection is logged through `onError`, never thrown. */
  run(task: () => Promise<unknown>): void;
  /**
   * Waits for every task running, including those started meanwhile, for at most
   * `timeoutMs`. Answers how many were still running when it stopped waiting.
   */
  settle(timeoutMs: number): Promise<number>;
}

export function createBackgroundTasks(onError: (error: unknown) => void): BackgroundTasks {
  const running = new Set<Promise<void>>();
  return {
    run(task) {
      const done: Promise<void> = Promise.resolve()
        .then(task)
        .then(
          () => undefined,
          (error: unknown) => onError(error),
        )
        .finally(() => running.delete(done));
      running.add(done);
    },
    async settle(timeoutMs) {
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), timeoutMs);
      });
      try {
        // A task may start another while the first ones finish; wait for those too.
        while (running.size > 0) {
          if ((await Promise.race([Promise.all(running), timedOut])) === 'timeout') break;
        }
      } finally {
        clearTimeout(timer);
      }
      return running.size;
    },
  };
}
