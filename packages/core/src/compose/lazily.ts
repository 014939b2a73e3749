/**
 * `create` runs on the first call only; every call answers what it made. The kit builds an
 * adapter, and opens the connections under it, only once a role asks for it.
 */
export function lazily<T>(create: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: create() }).value;
}
