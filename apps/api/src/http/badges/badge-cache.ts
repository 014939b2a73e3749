export interface TtlLruCacheOptions {
  /** Entries kept; the least recently used goes first. */
  maxEntries: number;
  /** How long an entry is served after it was loaded. */
  ttlMs: number;
  /** Clock in ms; tests pass a fake one. */
  now?: () => number;
}

export interface TtlLruCache<V> {
  /** The live entry for `key`, or undefined when missing or expired. */
  get(key: string): V | undefined;
  /**
   * The live entry, else the result of `load`, stored. Concurrent misses for one key share
   * one `load`, so a popular badge falling out of the cache costs one database read, not one
   * per waiting request. A failed load stores nothing.
   */
  getOrLoad(key: string, load: () => Promise<V>): Promise<V>;
  clear(): void;
  readonly size: number;
}

interface Entry<V> {
  value: V;
  expiresAt: number;
}

/**
 * A bounded in-memory cache with a time to live. A Map keeps insertion order, so
 * re-inserting on every hit makes its first key the least recently used one.
 */
export function createTtlLruCache<V>(options: TtlLruCacheOptions): TtlLruCache<V> {
  const { maxEntries, ttlMs, now = Date.now } = options;
  const entries = new Map<string, Entry<V>>();
  const loading = new Map<string, Promise<V>>();
  // Bumped by clear(), so a load that started before it does not store a stale value after.
  let generation = 0;

  const get = (key: string): V | undefined => {
    const entry = entries.get(key);
    if (!entry) return undefined;
    entries.delete(key);
    if (entry.expiresAt <= now()) return undefined;
    entries.set(key, entry);
    return entry.value;
  };

  const set = (key: string, value: V) => {
    entries.delete(key);
    entries.set(key, { value, expiresAt: now() + ttlMs });
    while (entries.size > maxEntries) {
      const oldest = entries.keys().next().value;
      if (oldest === undefined) break;
      entries.delete(oldest);
    }
  };

  return {
    get,
    getOrLoad(key, load) {
      const hit = get(key);
      if (hit !== undefined) return Promise.resolve(hit);
      const pending = loading.get(key);
      if (pending) return pending;
      const started = generation;
      const promise = load()
        .then((value) => {
          if (generation === started) set(key, value);
          return value;
        })
        .finally(() => {
          if (loading.get(key) === promise) loading.delete(key);
        });
      loading.set(key, promise);
      return promise;
    },
    clear() {
      generation += 1;
      entries.clear();
      loading.clear();
    },
    get size() {
      return entries.size;
    },
  };
}
