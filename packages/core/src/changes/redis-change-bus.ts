import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { ChangeBus } from './change-bus.js';

const monitorChangeSchema = z.object({
  kind: z.enum(['upsert', 'remove']),
  monitorId: z.number().int(),
  tenantId: z.number().int(),
});

const statusPageChangeSchema = z.object({ tenantId: z.number().int() });

/**
 * Monitor changes over Redis pub/sub, so the scheduler acts on an edit within milliseconds.
 * Pub/sub is fire-and-forget; the scheduler's periodic reconciliation with Postgres repairs
 * anything published while no scheduler was listening. Status-page changes use a channel of
 * their own; a lost one leaves a cached page stale for its short time to live only.
 */
export function createRedisChangeBus(
  publisher: Redis,
  subscriber: Redis,
  prefix: string,
): ChangeBus {
  const monitorChannel = `${prefix}:monitor-changed`;
  const pageChannel = `${prefix}:status-page-changed`;

  async function listen<T>(channel: string, schema: z.ZodType<T>, handler: (change: T) => void) {
    subscriber.on('message', (ch: string, message: string) => {
      if (ch !== channel) return;
      let parsed: T;
      try {
        parsed = schema.parse(JSON.parse(message));
      } catch {
        return; // not ours or malformed: nothing to act on
      }
      handler(parsed);
    });
    await subscriber.subscribe(channel);
  }

  return {
    async publish(change) {
      await publisher.publish(monitorChannel, JSON.stringify(change));
    },
    subscribe: (handler) => listen(monitorChannel, monitorChangeSchema, handler),
    async publishStatusPageChange(change) {
      await publisher.publish(pageChannel, JSON.stringify(change));
    },
    subscribeStatusPageChanges: (handler) => listen(pageChannel, statusPageChangeSchema, handler),
  };
}
