import type { Redis } from 'ioredis';
import { CHECK_QUEUE_NAME } from './check-job.js';

/**
 * Which batch holds each monitor's check while it is queued or running (architecture rule
 * 3: one check per monitor at a time, none queued twice). Two Redis hashes, monitor id →
 * "<batch id>@<ms>": `queued` from enqueue until a worker takes the batch, `running` from
 * then until the check has finished. A hold is the monitor's claim on the queue: enqueue
 * skips a held monitor, a worker runs only the checks its batch still holds (so a check
 * dropped while queued, or finished before its batch stalled, does not run), and a
 * finished check lets go of its monitor only if its own batch still holds it.
 *
 * A hold outlives its batch only when the batch never made it into the queue (a crash
 * between the two calls of `enqueue`) or was dropped after stalling twice. Enqueue then
 * finds no batch job behind the hold and, once `HOLD_GRACE_MS` has passed since the hold
 * was taken, takes the monitor over; the grace covers an enqueue whose batch is on its way.
 */
export const HOLD_GRACE_MS = 10_000;

// KEYS: queued, running. ARGV: batch job key prefix, now, grace, batch size, number of
// batch ids n, the n batch ids, then the monitor ids. Held monitors fill the batches in
// order, `size` to a batch; returns the monitors taken, in order.
const HOLD_SCRIPT = `
local now = tonumber(ARGV[2])
local grace = tonumber(ARGV[3])
local size = tonumber(ARGV[4])
local n = tonumber(ARGV[5])
local function stale(hold)
  local at = string.find(hold, '@', 1, true)
  if redis.call('EXISTS', ARGV[1] .. string.sub(hold, 1, at - 1)) == 1 then return false end
  return tonumber(string.sub(hold, at + 1)) + grace < now
end
local taken = {}
for i = 6 + n, #ARGV do
  local m = ARGV[i]
  local runningHold = redis.call('HGET', KEYS[2], m)
  local hold = runningHold or redis.call('HGET', KEYS[1], m)
  if (not hold) or stale(hold) then
    local batch = ARGV[6 + math.floor(#taken / size)]
    if runningHold then redis.call('HDEL', KEYS[2], m) end
    redis.call('HSET', KEYS[1], m, batch .. '@' .. ARGV[2])
    taken[#taken + 1] = m
  end
end
return taken
`;

// KEYS: queued, running. ARGV: batch id, now, then the batch's monitor ids. Moves each hold
// of this batch (queued, or running when a stalled batch is taken again) to running;
// returns 1 for a check the batch still holds, 0 for one it does not.
const TAKE_SCRIPT = `
local mine = ARGV[1] .. '@'
local function ours(hold) return hold and string.sub(hold, 1, #mine) == mine end
local held = {}
for i = 3, #ARGV do
  local m = ARGV[i]
  local queued = ours(redis.call('HGET', KEYS[1], m))
  if queued or ours(redis.call('HGET', KEYS[2], m)) then
    if queued then redis.call('HDEL', KEYS[1], m) end
    redis.call('HSET', KEYS[2], m, mine .. ARGV[2])
    held[#held + 1] = 1
  else
    held[#held + 1] = 0
  end
end
return held
`;

// KEYS: running. ARGV: pairs of monitor id and batch id. Lets go of each monitor its batch
// still holds (a newer batch's hold stays).
const RELEASE_SCRIPT = `
for i = 1, #ARGV, 2 do
  local mine = ARGV[i + 1] .. '@'
  local hold = redis.call('HGET', KEYS[1], ARGV[i])
  if hold and string.sub(hold, 1, #mine) == mine then redis.call('HDEL', KEYS[1], ARGV[i]) end
end
return 0
`;

export interface CheckHolds {
  /**
   * Holds the monitors not held yet for the batches `batchIds` (filled in order, `batchSize`
   * to a batch) and returns those monitor ids, in order; one round trip.
   */
  hold(
    monitorIds: readonly number[],
    batchIds: readonly string[],
    batchSize: number,
  ): Promise<number[]>;
  /** Moves the batch's holds to running; true for each check the batch still holds. */
  take(batchId: string, monitorIds: readonly number[]): Promise<boolean[]>;
  /** Lets go of monitors whose checks have finished, each if its batch still holds it. */
  release(finished: readonly { monitorId: number; batchId: string }[]): Promise<void>;
  /** Drops a queued (not running) hold, so its batch skips the check. */
  dropQueued(monitorId: number): Promise<void>;
  queuedCount(): Promise<number>;
}

export function createCheckHolds(redis: Redis, prefix: string, now = Date.now): CheckHolds {
  // BullMQ keeps a job's hash at <prefix>:<queue>:<job id>.
  const batchKeyPrefix = `${prefix}:${CHECK_QUEUE_NAME}:`;
  const queued = `${prefix}:check-holds:queued`;
  const running = `${prefix}:check-holds:running`;
  // EVALSHA after the first call: the scripts' text is not sent (nor hashed) each time.
  const scripts = defineScripts(redis);
  return {
    async hold(monitorIds, batchIds, batchSize) {
      if (monitorIds.length === 0) return [];
      const taken = await scripts.watchpostHoldChecks(
        queued,
        running,
        batchKeyPrefix,
        now(),
        HOLD_GRACE_MS,
        batchSize,
        batchIds.length,
        ...batchIds,
        ...monitorIds,
      );
      return taken.map(Number);
    },
    async take(batchId, monitorIds) {
      const held = await scripts.watchpostTakeChecks(
        queued,
        running,
        batchId,
        now(),
        ...monitorIds,
      );
      return held.map((h) => h === 1);
    },
    async release(finished) {
      if (finished.length === 0) return;
      await scripts.watchpostReleaseChecks(
        running,
        ...finished.flatMap((f) => [f.monitorId, f.batchId]),
      );
    },
    async dropQueued(monitorId) {
      await redis.hdel(queued, String(monitorId));
    },
    queuedCount: () => redis.hlen(queued),
  };
}

type Arg = string | number;
interface HoldScripts {
  watchpostHoldChecks(...args: Arg[]): Promise<string[]>;
  watchpostTakeChecks(...args: Arg[]): Promise<number[]>;
  watchpostReleaseChecks(...args: Arg[]): Promise<number>;
}

function defineScripts(redis: Redis): HoldScripts {
  const scripts = redis as unknown as Redis & Partial<HoldScripts>;
  if (!scripts.watchpostHoldChecks) {
    redis.defineCommand('watchpostHoldChecks', { numberOfKeys: 2, lua: HOLD_SCRIPT });
    redis.defineCommand('watchpostTakeChecks', { numberOfKeys: 2, lua: TAKE_SCRIPT });
    redis.defineCommand('watchpostReleaseChecks', { numberOfKeys: 1, lua: RELEASE_SCRIPT });
  }
  return scripts as unknown as HoldScripts;
}
