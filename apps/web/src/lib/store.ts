import { useSyncExternalStore } from 'react';

/**
 * A minimal external store read through `useSyncExternalStore`. Why not Redux, Zustand or
 * React context: the dashboard has one writer (the socket client, through pure reducers) and
 * many readers, some of them thousands of list rows. A context would re-render every reader
 * on every beat; here each component subscribes to the slice it selects and re-renders only
 * when that slice changes (by reference), and the whole mechanism is these 30 lines.
 */
export interface Store<S> {
  getState(): S;
  /** Replaces the state with `update(state)`; listeners run only when it changed. */
  update(update: (state: S) => S): void;
  subscribe(listener: () => void): () => void;
}

export function createStore<S>(initial: S): Store<S> {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    getState: () => state,
    update(update) {
      const next = update(state);
      if (next === state) return;
      state = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Reads a slice of a store; the component re-renders when the selected value changes. */
export function useStoreSlice<S, T>(store: Store<S>, select: (state: S) => T): T {
  return useSyncExternalStore(store.subscribe, () => select(store.getState()));
}
