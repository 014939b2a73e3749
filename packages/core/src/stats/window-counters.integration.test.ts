import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clearMonitorHeartbeats,
  clearTenantStatistics,
} from '../heartbeats/heartbeat-repository.js';
import { recordBeats, type BeatToRecord } from '../heartbeats/record-beats.js';
import { monitorInputSchema } from '../monitors/monitor-input.js';
import { insertMonitor } from '../monitors/monitor-repository.js';
import { DOWN, MAINTENANCE, PENDING, UP, type MonitorStatus } from '../monitors/monitor-status.js';
import { monitorStatEvents } from '../realtime/monitor-stat-events.js';
import { createTenantWithAdmin } from '../tenants/tenant-repository.js';
import {
  openTestDatabase,
  TEST_BACKENDS,
  type BackendTestDatabase,
} from '../testing/test-database.js';
import { getWindowStatsFor } from './stats-repository.js';
import { readWindowCounters } from './window-counters.js';
import type { MonitorRef } from './window-stats.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
// Off every edge on purpose: a minute and an hour and a day boundary each lie ahead.
const T0 = Date.parse('2026-03-01T22:37:12.345Z');

/** A small seeded generator, so a failing stream can be replayed from its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const STATUSES: MonitorStatus[] = [UP, UP, UP, DOWN, PENDING, MAINTENANCE];

function beatOf(ref: MonitorRef, time: number, rnd: () => number): BeatToRecord {
  const status = STATUSES[Math.floor(rnd() * STATUSES.length)] ?? UP;
  return {
    ...ref,
    status,
    msg: '',
    time: new Date(time),
    pingMs: rnd() < 0.2 ? null : Math.floor(rnd() * 500),
    durationSec: 0,
    downCount: 0,
    important: false,
    retries: 0,
    nextDueAt: null,
  };
}

let t: BackendTestDatabase;

const httpMonitor = monitorInputSchema(20).parse({
  type: 'http',
  name: 'web',
  url: 'http://127.0.0.1:1/',
  accepted_statuscodes: ['200-299'],
});

/** What today's pushes carry, from the aggregates (the definition) and from the counters. */
async function pushesBoth(refs: MonitorRef[], now: Date) {
  const [day, month, counters] = await Promise.all([
    getWindowStatsFor(t.db, refs, 24, now),
    getWindowStatsFor(t.db, refs, 720, now),
    readWindowCounters(t.db, refs, now),
  ]);
  const expected = refs.map((r) =>
    monitorStatEvents(
      r.monitorId,
      { day: day.get(r.monitorId), month: month.get(r.monitorId) },
      false,
      null,
    ),
  );
  const actual = refs.map((r) => {
    const w = counters.get(r.monitorId);
    return monitorStatEvents(r.monitorId, { day: w?.day, month: w?.month }, false, null);
  });
  return { expected, actual, day, month, counters };
}

describe.each(TEST_BACKENDS)('window counters on %s', (backend) => {
  let tenantId: number;
  let otherTenantId: number;

  beforeAll(async () => {
    t = await openTestDatabase(backend);
    ({ tenantId } = await createTenantWithAdmin(t.db, {
      name: 'a',
      username: 'a',
      passwordHash: 'x',
    }));
    ({ tenantId: otherTenantId } = await createTenantWithAdmin(t.db, {
      name: 'b',
      username: 'b',
      passwordHash: 'x',
    }));
  });
  afterAll(async () => t?.drop());

  const monitors = async (n: number, tenant = tenantId): Promise<MonitorRef[]> => {
    const refs: MonitorRef[] = [];
    for (let i = 0; i < n; i++)
      refs.push({
        monitorId: await insertMonitor(t.db, tenant, httpMonitor, true),
        tenantId: tenant,
      });
    return refs;
  };

  /**
   * Records `rounds` random batches of beats of `refs`, `gap()` apart, with one quiet day after
   * round `quietAfter`, and compares the pushes after about every other batch; answers how many
   * comparisons it made.
   */
  async function compareOverStream(
    refs: MonitorRef[],
    seed: number,
    rounds: number,
    gap: (rnd: () => number) => number,
    quietAfter: number,
  ): Promise<number> {
    const rnd = random(seed);
    let clock = T0;
    let reads = 0;
    for (let round = 0; round < rounds; round++) {
      const batch: BeatToRecord[] = [];
      const size = 1 + Math.floor(rnd() * 6);
      for (let i = 0; i < size; i++) {
        const ref = refs[Math.floor(rnd() * refs.length)] as MonitorRef;
        batch.push(beatOf(ref, clock + Math.floor(rnd() * 2_000), rnd));
      }
      await recordBeats(t.db, batch);
      clock += round === quietAfter ? 26 * HOUR : gap(rnd);
      if (rnd() < 0.6) {
        // Mostly now; sometimes a reader whose clock lags a little behind the last one.
        const now = new Date(clock - (rnd() < 0.1 ? Math.floor(rnd() * 30 * MINUTE) : 0));
        const { expected, actual } = await pushesBoth(refs, now);
        expect(actual, `seed ${seed} at ${now.toISOString()}`).toEqual(expected);
        reads++;
      }
    }
    return reads;
  }

  it('agree with the aggregate sums over random beat streams crossing minute, hour and day edges', async () => {
    // About 36 h of beats, so the 24 h window drops buckets as it moves, a quiet day that makes
    // the counters start over, then half a day more.
    const reads = await compareOverStream(
      await monitors(3),
      1_234 + TEST_BACKENDS.indexOf(backend),
      300,
      (rnd) => (rnd() < 0.85 ? Math.floor(rnd() * 3 * MINUTE) : Math.floor(rnd() * 2 * HOUR)),
      220,
    );
    expect(reads).toBeGreaterThan(120);
  }, 240_000);

  it('agree with the aggregate sums over a random stream longer than 30 days', async () => {
    // Sparse beats for 35 days: the 720 h window drops hour buckets as it moves.
    const reads = await compareOverStream(
      await monitors(1),
      5_678 + TEST_BACKENDS.indexOf(backend),
      220,
      (rnd) => Math.floor(rnd() * 8 * HOUR),
      200,
    );
    expect(reads).toBeGreaterThan(90);
  }, 240_000);

  it('count exactly at a window edge, to the minute and to the hour', async () => {
    const [ref] = (await monitors(1)) as [MonitorRef];
    const edge = Date.parse('2026-04-02T10:00:00.000Z');
    await recordBeats(t.db, [beatOf(ref, edge - 1, () => 0), beatOf(ref, edge, () => 0)]);
    for (const now of [
      edge + DAY - 1,
      edge + DAY,
      edge + DAY + 1,
      edge + 30 * DAY,
      edge + 30 * DAY + 1,
    ]) {
      const { expected, actual, counters } = await pushesBoth([ref], new Date(now));
      expect(actual).toEqual(expected);
      expect(counters.size).toBe(1);
    }
  });

  it('start over when a beat older than the counters arrives', async () => {
    const [ref] = (await monitors(1)) as [MonitorRef];
    const now = T0 + 10 * DAY;
    await recordBeats(t.db, [beatOf(ref, now - HOUR, () => 0)]);
    await pushesBoth([ref], new Date(now));
    // A beat held for most of a day lands near the start of the counted window.
    await recordBeats(t.db, [beatOf(ref, now - 23 * HOUR - 30 * MINUTE, () => 0.5)]);
    const state = await t.db
      .selectFrom('monitor_state')
      .select('day_since')
      .where('monitor_id', '=', ref.monitorId)
      .executeTakeFirstOrThrow();
    expect(state.day_since).toBeNull();
    const { expected, actual } = await pushesBoth([ref], new Date(now + MINUTE));
    expect(actual).toEqual(expected);
  });

  it('forget what clearHeartbeats and clearStatistics remove', async () => {
    const [a, b] = (await monitors(2)) as [MonitorRef, MonitorRef];
    const now = T0 + 20 * DAY;
    await recordBeats(t.db, [beatOf(a, now - HOUR, () => 0), beatOf(b, now - HOUR, () => 0)]);
    await pushesBoth([a, b], new Date(now));

    await clearMonitorHeartbeats(t.db, tenantId, a.monitorId);
    let both = await pushesBoth([a, b], new Date(now));
    expect(both.actual).toEqual(both.expected);
    expect(both.counters.get(a.monitorId)?.day).toEqual({
      up: 0,
      down: 0,
      pingSum: 0,
      pingCount: 0,
    });
    expect(both.counters.get(b.monitorId)?.day.up).toBe(1);

    await recordBeats(t.db, [beatOf(a, now + 1_000, () => 0)]);
    await clearTenantStatistics(t.db, tenantId);
    await recordBeats(t.db, [beatOf(b, now + 2_000, () => 0)]);
    both = await pushesBoth([a, b], new Date(now + 3_000));
    expect(both.actual).toEqual(both.expected);
    expect(both.counters.get(a.monitorId)?.day.up).toBe(0);
    expect(both.counters.get(b.monitorId)?.day.up).toBe(1);
  });

  it("never read or reveal another tenant's monitor", async () => {
    const [mine] = (await monitors(1)) as [MonitorRef];
    const [theirs] = (await monitors(1, otherTenantId)) as [MonitorRef];
    const now = T0 + 30 * DAY;
    await recordBeats(t.db, [beatOf(mine, now, () => 0), beatOf(theirs, now, () => 0)]);
    const crossed = await readWindowCounters(
      t.db,
      [{ monitorId: theirs.monitorId, tenantId }],
      new Date(now + 1),
    );
    expect(crossed.size).toBe(0);
    const own = await readWindowCounters(t.db, [mine, theirs], new Date(now + 1));
    expect([...own.keys()].sort()).toEqual([mine.monitorId, theirs.monitorId].sort());
  });
});
