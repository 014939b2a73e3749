import type { ChangeBus } from '@watchpost/core/changes';

/**
 * The change bus as one API node uses it: a change published on this node reaches this
 * node's own subscribers (its badge and status-page caches) before `publish` returns, so a
 * client that saves and then reads through the same node never gets an answer cached from
 * before its save. The bus itself delivers a moment later (Redis round trip, or a microtask
 * in embedded mode), to every node including this one; clearing a cache twice is harmless.
 */
export function withLocalEcho(bus: ChangeBus): ChangeBus {
  const monitorHandlers: Parameters<ChangeBus['subscribe']>[0][] = [];
  const pageHandlers: Parameters<ChangeBus['subscribeStatusPageChanges']>[0][] = [];
  return {
    publish(change) {
      for (const handler of monitorHandlers) handler({ ...change });
      return bus.publish(change);
    },
    async subscribe(handler) {
      monitorHandlers.push(handler);
      await bus.subscribe(handler);
    },
    publishStatusPageChange(change) {
      for (const handler of pageHandlers) handler({ ...change });
      return bus.publishStatusPageChange(change);
    },
    async subscribeStatusPageChanges(handler) {
      pageHandlers.push(handler);
      await bus.subscribeStatusPageChanges(handler);
    },
  };
}
