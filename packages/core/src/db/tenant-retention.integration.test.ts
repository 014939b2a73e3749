import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monitorInputSchema } from '../monitors/monitor-input.js';
import { insertMonitor } from '../monitors/monitor-repository.js';
import { saveGeneralSettings } from '../settings/settings-repository.js';
import { createTenantWithAdmin } from '../tenants/tenant-repository.js';
import {
  openTestDatabase,
  TEST_BACKENDS,
  type BackendTestDatabase,
} from '../testing/test-database.js';
import { ensureHeartbeatPartitions } from './heartbeat-partitions.js';
import { runHousekeeping } from './housekeeping.js';
import { deleteTenantHeartbeatsBefore, listShorterTenantRetentions } from './tenant-retention.js';

const DAY_MS = 86_400_000;
/** The operator's HEARTBEAT_RETENTION_DAYS in these tests. */
const CAP_DAYS = 60;
/** Every monitor gets one beat of each age, in days. */
const AGES = [1, 10, 45, 90];

describe.each(TEST_BACKENDS)('per-tenant heartbeat retention on %s', (backend) => {
  let t: BackendTestDatabase;
  const now = new Date();
  const monitors: Record<string, number> = {};
  const tenants: Record<string, number> = {};

  async function tenantWithMonitor(name: string, keepDataPeriodDays?: number) {
    const { tenantId } = await createTenantWithAdmin(t.db, {
      name,
      username: name,
      passwordHash: 'x',
    });
    if (keepDataPeriodDays !== undefined) {
      await saveGeneralSettings(t.db, tenantId, { keepDataPeriodDays });
    }
    const monitorId = await insertMonitor(
      t.db,
      tenantId,
      monitorInputSchema(20).parse({
        type: 'http',
        name,
        url: 'https://example.com',
        accepted_statuscodes: ['200-299'],
      }),
      true,
    );
    await t.db
      .insertInto('heartbeats')
      .values(
        AGES.map((days) => ({
          tenant_id: tenantId,
          monitor_id: monitorId,
          status: 1,
          time: new Date(now.getTime() - days * DAY_MS),
          ping: 12,
        })),
      )
      .execute();
    tenants[name] = tenantId;
    monitors[name] = monitorId;
  }

  /** The ages, in whole days, of the beats a monitor still has. */
  async function beatAges(name: string): Promise<number[]> {
    const rows = await t.db
      .selectFrom('heartbeats')
      .select('time')
      .where('monitor_id', '=', monitors[name]!)
      .orderBy('time', 'desc')
      .execute();
    return rows.map((r) => Math.round((now.getTime() - r.time.getTime()) / DAY_MS));
  }

  beforeAll(async () => {
    t = await openTestDatabase(backend);
    // The oldest beats land in a real day partition, as in production; the rest fall into
    // the default partition, which only row deletes reach.
    await ensureHeartbeatPartitions(t.db, new Date(now.getTime() - 91 * DAY_MS), 2);
    await tenantWithMonitor('week', 7);
    await tenantWithMonitor('forever', 0);
    await tenantWithMonitor('unset');
    await tenantWithMonitor('month', 30);
    await tenantWithMonitor('long', 365);
  });
  afterAll(async () => t?.drop());

  it('lists only tenants whose own period is shorter than the operator’s cap', async () => {
    expect(await listShorterTenantRetentions(t.db, CAP_DAYS)).toEqual([
      { tenantId: tenants.week, keepDays: 7 },
      { tenantId: tenants.month, keepDays: 30 },
    ]);
    // A tenant that never saved the setting keeps the 180-day default.
    expect(await listShorterTenantRetentions(t.db, 365)).toContainEqual({
      tenantId: tenants.unset,
      keepDays: 180,
    });
  });

  it('deletes each tenant’s beats past its own period, keeps “forever” up to the cap', async () => {
    // An aggregate bucket ten days old: retention trims beats, not uptime.
    const bucket = new Date(Math.floor((now.getTime() - 10 * DAY_MS) / 3_600_000) * 3_600_000);
    await t.db
      .insertInto('stat_hourly')
      .values({ monitor_id: monitors.week!, tenant_id: tenants.week!, bucket, up: 60 })
      .execute();

    const result = await runHousekeeping(t.db, {
      retentionDays: CAP_DAYS,
      now,
      deleteBatchSize: 1,
    });

    expect(result.trimmedBeats).toEqual(
      new Map([
        [tenants.week, 2],
        [tenants.month, 1],
      ]),
    );
    expect(await beatAges('week')).toEqual([1]);
    expect(await beatAges('month')).toEqual([1, 10]);
    // The operator's cap drops the 90-day partition for everyone, "forever" included.
    expect(await beatAges('forever')).toEqual([1, 10, 45]);
    expect(await beatAges('unset')).toEqual([1, 10, 45]);
    expect(await beatAges('long')).toEqual([1, 10, 45]);
    const kept = await t.db
      .selectFrom('stat_hourly')
      .select('up')
      .where('monitor_id', '=', monitors.week!)
      .execute();
    expect(kept).toEqual([{ up: 60 }]);
  });

  it('deletes in batches and touches no other tenant’s beats', async () => {
    await t.db
      .insertInto('heartbeats')
      .values(
        [2, 3, 4, 5, 6].map((days) => ({
          tenant_id: tenants.forever!,
          monitor_id: monitors.forever!,
          status: 0,
          time: new Date(now.getTime() - days * DAY_MS),
          ping: null,
        })),
      )
      .execute();
    const cutoff = new Date(now.getTime() - 1.5 * DAY_MS);
    // Another tenant's id deletes nothing of "forever"'s.
    expect(await deleteTenantHeartbeatsBefore(t.db, tenants.unset!, cutoff, 2)).toBe(2);
    expect(await beatAges('forever')).toEqual([1, 2, 3, 4, 5, 6, 10, 45]);
    expect(await deleteTenantHeartbeatsBefore(t.db, tenants.forever!, cutoff, 2)).toBe(7);
    expect(await beatAges('forever')).toEqual([1]);
    expect(await beatAges('long')).toEqual([1, 10, 45]);
  });
});
