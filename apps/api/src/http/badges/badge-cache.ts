export interface TtlLruCacheOptions<V = unknown> {
  /** Entries kept; the least recently used goes first. */
  maxEntries: number;
  /** How long an entry is served after it was loaded, unless getOrLoad says otherwise. */
  ttlMs: number;
  /**
   * A second bound, on the summed `weigh` of the entries (say, bytes of response bodies), for
   * values whose sizes differ too much for a count alone to bound memory.
   */
  maxWeight?: number;
  weigh?: (value: V) => number;
  /** Clock in ms; tests pass a fake one. */
  now?: () => number;
}

export interface TtlLruCache<V> {
  /** The live entry for `key`, or undefined when missing or expired. */
  get(key: string): V | undefined;
  /**
   * The live entry, else the result of `load`, stored. Concurrent misses for one key share
   * one `load`, so a popular badge falling out of the cache costs one database read, not one
   * per waiting request. A failed load stores nothing. `ttlMs`, when given, decides per value
   * how long it is served; 0 stores nothing (an answer not worth keeping, like a 404).
   */
  getOrLoad(key: string, load: () => Promise<V>, ttlMs?: (value: V) => number): Promise<V>;
  clear(): void;
  /**
   * Forgets the entries `matches` picks. Loads still running are all forgotten too: their
   * values are not known yet, and one of them may have read what just changed.
   */
  deleteWhere(matches: (value: V) => boolean): void;
  readonly size: number;
}

interface Entry<V> {
  value: V;
  expiresAt: number;
  weight: number;
}

/**
 * A bounded in-memory cache with a time to live. A Map keeps insertion order, so
 * re-inserting on every hit makes its first key the least recently used one.
 */
export function createTtlLruCache<V>(options: TtlLruCacheOptions<V>): TtlLruCache<V> {
  const { maxEntries, ttlMs, maxWeight = Infinity, weigh = () => 0, now = Date.now } = options;
  const entries = new Map<string, Entry<V>>();
  const loading = new Map<string, Promise<V>>();
  let totalWeight = 0;
  // Bumped by clear() and deleteWhere(), so a load that started before either does not store
  // a stale value after.
  let generation = 0;

  const remove = (key: string, entry: Entry<V>) => {
    entries.delete(key);
    totalWeight -= entry.weight;
  };

  const get = (key: string): V | undefined => {
    const entry = entries.get(key);
    if (!entry) return undefined;
    remove(key, entry);
    if (entry.expiresAt <= now()) return undefined;
    entries.set(key, entry);
    totalWeight += entry.weight;
    return entry.value;
  };

  const set = (key: string, value: V, lifetimeMs: number) => {
    const previous = entries.get(key);
    if (previous) remove(key, previous);
    const weight = weigh(value);
    if (lifetimeMs <= 0 || weight > maxWeight) return;
    entries.set(key, { value, expiresAt: now() + lifetimeMs, weight });
    totalWeight += weight;
    while (entries.size > maxEntries || totalWeight > maxWeight) {
      const oldest = entries.entries().next().value;
      if (oldest === undefined) break;
      remove(...oldest);
    }
  };

  const forgetLoads = () => {
    generation += 1;
    loading.clear();
  };

  return {
    get,
    getOrLoad(key, load, lifetimeOf = () => ttlMs) {
      const hit = get(key);
      if (hit !== undefined) return Promise.resolve(hit);
      const pending = loading.get(key);
      if (pending) return pending;
      const started = generation;
      const promise = load()
        .then((value) => {
          if (generation === started) set(key, value, lifetimeOf(value));
          return value;
        })
        .finally(() => {
          if (loading.get(key) === promise) loading.delete(key);
        });
      loading.set(key, promise);
      return promise;
    },
    clear() {
      forgetLoads();
      entries.clear();
      totalWeight = 0;
    },
    deleteWhere(matches) {
      forgetLoads();
      for (const [key, entry] of [...entries]) if (matches(entry.value)) remove(key, entry);
    },
    get size() {
      return entries.size;
    },
  };
}
