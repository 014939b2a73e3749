import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOWN, PENDING, UP } from '../monitors/monitor-status.js';
import {
  openTestDatabase,
  TEST_BACKENDS,
  type BackendTestDatabase,
} from '../testing/test-database.js';
import { insertMonitor } from '../monitors/monitor-repository.js';
import { monitorInputSchema } from '../monitors/monitor-input.js';
import { createTenantWithAdmin } from '../tenants/tenant-repository.js';
import { recordBeats, type BeatToRecord } from './record-beats.js';
import { listBeatsSince, listLatestBeats } from './heartbeat-repository.js';
import { getWindowStats, getWindowStatsFor } from '../stats/stats-repository.js';
import { uptimeRatio, averagePing } from '../stats/window-stats.js';

let t: BackendTestDatabase;
let tenantId: number;
let otherTenantId: number;

const httpMonitor = monitorInputSchema(20).parse({
  type: 'http',
  name: 'web',
  url: 'http://127.0.0.1:1/',
  accepted_statuscodes: ['200-299'],
});

function beat(monitorId: number, overrides: Partial<BeatToRecord> = {}): BeatToRecord {
  return {
    tenantId,
    monitorId,
    status: UP,
    msg: '200 - OK',
    time: new Date(),
    pingMs: 10,
    durationSec: 0,
    downCount: 0,
    important: false,
    retries: 0,
    nextDueAt: new Date(Date.now() + 60_000),
    ...overrides,
  };
}

// The same repository code runs on Postgres (distributed) and PGlite (embedded).
describe.each(TEST_BACKENDS)('on %s', (backend) => {
  beforeAll(async () => {
    t = await openTestDatabase(backend);
    ({ tenantId } = await createTenantWithAdmin(t.db, {
      name: 'a',
      username: 'alice',
      passwordHash: 'x',
    }));
    ({ tenantId: otherTenantId } = await createTenantWithAdmin(t.db, {
      name: 'b',
      username: 'bob',
      passwordHash: 'x',
    }));
  });
  afterAll(async () => t?.drop());

  describe('recordBeats', () => {
    it('writes beats, state and aggregates for a whole batch in one statement', async () => {
      const a = await insertMonitor(t.db, tenantId, httpMonitor, true);
      const b = await insertMonitor(t.db, tenantId, httpMonitor, true);
      const now = new Date();
      const recorded = await recordBeats(t.db, [
        beat(a, { time: now, important: true }),
        beat(b, { time: now, status: DOWN, msg: 'boom', pingMs: null, important: true }),
      ]);
      expect(recorded.map((r) => r.monitorId).sort()).toEqual([a, b].sort());

      const state = await t.db
        .selectFrom('monitor_state')
        .selectAll()
        .where('monitor_id', '=', b)
        .executeTakeFirstOrThrow();
      expect(state).toMatchObject({ status: DOWN, last_msg: 'boom', retries: 0 });

      const stats = await getWindowStats(t.db, tenantId, [a, b], 24, new Date(now.getTime() + 1));
      expect(stats.get(a)).toEqual({ up: 1, down: 0, pingSum: 10, pingCount: 1 });
      expect(stats.get(b)).toEqual({ up: 0, down: 1, pingSum: 0, pingCount: 0 });
      expect(uptimeRatio(stats.get(a), true)).toBe(1);
      expect(averagePing(stats.get(b))).toBeNull();
    });

    it('adds up several beats of one monitor in one batch', async () => {
      const m = await insertMonitor(t.db, tenantId, httpMonitor, true);
      const t0 = Date.now();
      await recordBeats(t.db, [
        beat(m, { time: new Date(t0 - 2000), pingMs: 10 }),
        beat(m, { time: new Date(t0 - 1000), status: PENDING, pingMs: 30, retries: 1 }),
      ]);
      const stats = await getWindowStats(t.db, tenantId, [m], 720, new Date(t0 + 1));
      expect(stats.get(m)).toEqual({ up: 1, down: 1, pingSum: 40, pingCount: 2 });
      const state = await t.db
        .selectFrom('monitor_state')
        .selectAll()
        .where('monitor_id', '=', m)
        .executeTakeFirstOrThrow();
      expect(state).toMatchObject({ status: PENDING, retries: 1 });
    });

    it('drops beats of deleted monitors and of the wrong tenant instead of failing the batch', async () => {
      const m = await insertMonitor(t.db, tenantId, httpMonitor, true);
      const recorded = await recordBeats(t.db, [
        beat(m),
        beat(999_999),
        beat(m, { tenantId: otherTenantId }),
      ]);
      expect(recorded).toHaveLength(1);
    });

    it('reads beats back per tenant only', async () => {
      const m = await insertMonitor(t.db, tenantId, httpMonitor, true);
      await recordBeats(t.db, [beat(m, { important: true })]);
      expect(await listBeatsSince(t.db, tenantId, m, new Date(0), { limit: 10 })).toHaveLength(1);
      expect(await listBeatsSince(t.db, otherTenantId, m, new Date(0), { limit: 10 })).toHaveLength(
        0,
      );
      const latest = await listLatestBeats(t.db, otherTenantId, [m], 100);
      expect(latest.get(m)).toEqual([]);
      const important = await listLatestBeats(t.db, tenantId, [m], 500, true);
      expect(important.get(m)).toHaveLength(1);
    });

    it('reads statistics of several tenants in one query, each only under its own tenant', async () => {
      const mine = await insertMonitor(t.db, tenantId, httpMonitor, true);
      const theirs = await insertMonitor(t.db, otherTenantId, httpMonitor, true);
      await recordBeats(t.db, [beat(mine), beat(theirs, { tenantId: otherTenantId, pingMs: 30 })]);
      const later = new Date(Date.now() + 1);
      const both = await getWindowStatsFor(
        t.db,
        [
          { monitorId: mine, tenantId },
          { monitorId: theirs, tenantId: otherTenantId },
        ],
        24,
        later,
      );
      expect(both.get(mine)?.pingSum).toBe(10);
      expect(both.get(theirs)?.pingSum).toBe(30);
      const crossed = await getWindowStatsFor(t.db, [{ monitorId: theirs, tenantId }], 24, later);
      expect(crossed.size).toBe(0);
    });
  });
});
