import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { MonitorChange, MonitorChangeBus } from './ports.js';

const changeSchema = z.object({
  kind: z.enum(['upsert', 'remove']),
  monitorId: z.number().int(),
  tenantId: z.number().int(),
});

/**
 * Monitor changes over Redis pub/sub, so the scheduler acts on an edit within milliseconds.
 * Pub/sub is fire-and-forget; the scheduler's periodic reconciliation with Postgres repairs
 * anything published while no scheduler was listening.
 */
export function createRedisMonitorChangeBus(
  publisher: Redis,
  subscriber: Redis,
  prefix: string,
): MonitorChangeBus {
  const channel = `${prefix}:monitor-changed`;
  return {
    async publish(change) {
      await publisher.publish(channel, JSON.stringify(change));
    },
    async subscribe(handler) {
      subscriber.on('message', (ch: string, message: string) => {
        if (ch !== channel) return;
        let parsed: MonitorChange;
        try {
          parsed = changeSchema.parse(JSON.parse(message));
        } catch {
          return; // not ours or malformed: nothing to act on
        }
        handler(parsed);
      });
      await subscriber.subscribe(channel);
    },
  };
}
