/**
 * Collects single requests into batches so that N concurrent callers cost one round trip:
 * a batch runs when it reaches `maxSize` items or `maxWaitMs` after its first item,
 * whichever comes first. Every caller gets its own result or the batch's error.
 */
export interface MicroBatcher<In, Out> {
  submit(item: In): Promise<Out>;
  /** Runs whatever is pending now and waits for every batch in flight. */
  flush(): Promise<void>;
}

export interface MicroBatcherOptions<In, Out> {
  /** Must return one result per input, in the same order. */
  run(items: In[]): Promise<Out[]>;
  maxSize: number;
  maxWaitMs: number;
  /** Observes the size of every batch that runs (operator metrics). */
  onBatch?(size: number): void;
}

interface Pending<In, Out> {
  item: In;
  resolve(out: Out): void;
  reject(error: unknown): void;
}

export function createMicroBatcher<In, Out>(
  options: MicroBatcherOptions<In, Out>,
): MicroBatcher<In, Out> {
  let pending: Pending<In, Out>[] = [];
  let timer: NodeJS.Timeout | undefined;
  const inFlight = new Set<Promise<void>>();

  function runPending(): void {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    options.onBatch?.(batch.length);
    const done = options
      .run(batch.map((p) => p.item))
      .then(
        (results) => {
          if (results.length !== batch.length) {
            throw new Error(`batch returned ${results.length} results for ${batch.length} items`);
          }
          batch.forEach((p, i) => p.resolve(results[i] as Out));
        },
        (error: unknown) => {
          for (const p of batch) p.reject(error);
        },
      )
      .catch((error: unknown) => {
        for (const p of batch) p.reject(error);
      })
      .finally(() => inFlight.delete(done));
    inFlight.add(done);
  }

  return {
    submit(item) {
      return new Promise<Out>((resolve, reject) => {
        pending.push({ item, resolve, reject });
        if (pending.length >= options.maxSize) runPending();
        else timer ??= setTimeout(runPending, options.maxWaitMs);
      });
    },
    async flush() {
      runPending();
      await Promise.all([...inFlight]);
    },
  };
}
