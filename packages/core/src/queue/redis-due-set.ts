import type { Redis } from 'ioredis';
import type { DueEntry, DueSet } from './ports.js';

// Members are "<monitorId>:<tenantId>" so a claim knows the tenant without a lookup.
const CLAIM_SCRIPT = `
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'WITHSCORES', 'LIMIT', 0, ARGV[2])
local leaseUntil = tonumber(ARGV[1]) + tonumber(ARGV[3])
for i = 1, #due, 2 do
  redis.call('ZADD', KEYS[1], leaseUntil, due[i])
end
return due
`;

/** The due set as one Redis sorted set scored by due time (epoch ms). */
export function createRedisDueSet(redis: Redis, prefix: string): DueSet {
  const key = `${prefix}:due`;
  const index = `${prefix}:due-tenant`;
  const filledMark = `${prefix}:due-filled`;
  const member = (monitorId: number, tenantId: number) => `${monitorId}:${tenantId}`;

  async function memberOf(monitorId: number): Promise<string | null> {
    const tenantId = await redis.hget(index, String(monitorId));
    return tenantId === null ? null : member(monitorId, Number(tenantId));
  }

  return {
    async schedule(monitorId, tenantId, dueAt) {
      await redis
        .multi()
        .hset(index, String(monitorId), String(tenantId))
        .zadd(key, dueAt, member(monitorId, tenantId))
        .exec();
    },
    async scheduleMany(entries) {
      if (entries.length === 0) return;
      const tx = redis.multi();
      for (const e of entries) {
        tx.hset(index, String(e.monitorId), String(e.tenantId));
        tx.zadd(key, e.dueAt, member(e.monitorId, e.tenantId));
      }
      await tx.exec();
    },
    async unschedule(monitorId) {
      const m = await memberOf(monitorId);
      const tx = redis.multi().hdel(index, String(monitorId));
      if (m) tx.zrem(key, m);
      await tx.exec();
    },
    async claimDue(now, limit, leaseMs) {
      const flat = (await redis.eval(CLAIM_SCRIPT, 1, key, now, limit, leaseMs)) as string[];
      const entries: DueEntry[] = [];
      for (let i = 0; i < flat.length; i += 2) {
        const [monitorId, tenantId] = (flat[i] as string).split(':').map(Number);
        entries.push({
          monitorId: monitorId as number,
          tenantId: tenantId as number,
          dueAt: Number(flat[i + 1]),
        });
      }
      return entries;
    },
    async scheduledIds() {
      return new Set((await redis.hkeys(index)).map(Number));
    },
    async markFilled() {
      await redis.set(filledMark, '1');
    },
    async isFilled() {
      return (await redis.exists(filledMark)) === 1;
    },
  };
}
