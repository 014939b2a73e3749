import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import {
  openTestDatabase,
  TEST_BACKENDS,
  type BackendTestDatabase,
} from '../testing/test-database.js';
import { saveGeneralSettings } from '../settings/settings-repository.js';
import { createTenantWithAdmin } from '../tenants/tenant-repository.js';
import { monitorInputSchema } from '../monitors/monitor-input.js';
import { insertMonitor } from '../monitors/monitor-repository.js';
import { maintenanceInputSchema, toMaintenanceFields } from './maintenance-input.js';
import * as repo from './maintenance-repository.js';
import { recordPush } from '../push/record-push.js';
import { MAINTENANCE } from '../monitors/monitor-status.js';

let t: BackendTestDatabase;
let tenantId: number;
let userId: number;
let otherTenantId: number;

const monitorInput = monitorInputSchema(20).parse;
const fields = (input: Record<string, unknown>) =>
  toMaintenanceFields(maintenanceInputSchema.parse({ title: 'w', ...input }));

function addMonitor(tenant: number, overrides: Record<string, unknown> = {}) {
  const input = monitorInput({
    type: 'http',
    name: 'web',
    url: 'http://127.0.0.1:1/',
    accepted_statuscodes: ['200-299'],
    ...overrides,
  });
  return insertMonitor(t.db, tenant, input, true);
}

// The same repository code runs on Postgres (distributed) and PGlite (embedded).
describe.each(TEST_BACKENDS)('on %s', (backend) => {
  beforeAll(async () => {
    t = await openTestDatabase(backend);
    ({ tenantId, userId } = await createTenantWithAdmin(t.db, {
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

  it('stores a window and reads it back with its dates verbatim', async () => {
    const id = await repo.insertMaintenance(
      t.db,
      tenantId,
      userId,
      fields({
        strategy: 'recurring-day-of-month',
        daysOfMonth: [1, 'lastDay1'],
        dateRange: ['2022-12-27 22:36:00', '2023-12-27 22:36:00'],
        timeRange: [
          { hours: 1, minutes: 0 },
          { hours: 2, minutes: 0, seconds: 30 },
        ],
        timezoneOption: 'Asia/Tokyo',
      }),
    );
    const found = await repo.findMaintenance(t.db, tenantId, id);
    expect(found).toMatchObject({
      id,
      tenantId,
      userId,
      strategy: 'recurring-day-of-month',
      startDate: '2022-12-27 22:36:00',
      endDate: '2023-12-27 22:36:00',
      startTime: '01:00',
      endTime: '02:00:30',
      daysOfMonth: [1, 'lastDay1'],
      cron: '0 1 1,L * *',
      duration: 3630,
      timezoneOption: 'Asia/Tokyo',
    });
    expect(await repo.findMaintenance(t.db, otherTenantId, id)).toBeNull();
  });

  it('never changes, lists or deletes a window through another tenant', async () => {
    const id = await repo.insertMaintenance(t.db, tenantId, userId, fields({ strategy: 'manual' }));
    expect(
      await repo.updateMaintenance(t.db, otherTenantId, id, fields({ strategy: 'single' })),
    ).toBe(false);
    expect(await repo.setMaintenanceActive(t.db, otherTenantId, id, false)).toBe(false);
    expect(await repo.deleteMaintenance(t.db, otherTenantId, id)).toBe(false);
    expect((await repo.listMaintenances(t.db, otherTenantId)).map((m) => m.id)).not.toContain(id);
    expect((await repo.findMaintenance(t.db, tenantId, id))?.strategy).toBe('manual');
  });

  it('replaces the covered monitors all or nothing, only with the tenant’s own', async () => {
    const id = await repo.insertMaintenance(t.db, tenantId, userId, fields({ strategy: 'manual' }));
    const [a, b] = [await addMonitor(tenantId), await addMonitor(tenantId, { name: 'b' })];
    const foreign = await addMonitor(otherTenantId);
    expect(await repo.setMaintenanceMonitors(t.db, tenantId, id, [a, b, a])).toBe('ok');
    expect(await repo.setMaintenanceMonitors(t.db, tenantId, id, [a, foreign])).toBe(
      'target-not-found',
    );
    expect(await repo.listMaintenanceMonitors(t.db, tenantId, id)).toEqual([{ id: a }, { id: b }]);
    expect(await repo.setMaintenanceMonitors(t.db, otherTenantId, id, [foreign])).toBe(
      'maintenance-not-found',
    );
    expect(await repo.listMaintenanceMonitors(t.db, otherTenantId, id)).toEqual([]);
    expect(await repo.setMaintenanceMonitors(t.db, tenantId, id, [b])).toBe('ok');
    expect((await repo.listMaintenanceMonitors(t.db, tenantId, id)).map((m) => m.id)).toEqual([b]);
  });

  it('links only the tenant’s status pages and drops links with the window', async () => {
    const id = await repo.insertMaintenance(t.db, tenantId, userId, fields({ strategy: 'manual' }));
    const page = async (tenant: number, slug: string) => {
      const { rows } = await sql<{ id: number }>`
        INSERT INTO status_pages (tenant_id, slug, title) VALUES (${tenant}, ${slug}, ${slug})
        RETURNING id
      `.execute(t.db);
      return rows[0]!.id;
    };
    const own = await page(tenantId, `own-${backend}`);
    const foreign = await page(otherTenantId, `foreign-${backend}`);
    expect(await repo.setMaintenanceStatusPages(t.db, tenantId, id, [foreign])).toBe(
      'target-not-found',
    );
    expect(await repo.setMaintenanceStatusPages(t.db, tenantId, id, [own])).toBe('ok');
    expect(await repo.listMaintenanceStatusPages(t.db, tenantId, id)).toEqual([
      { id: own, title: `own-${backend}` },
    ]);
    expect((await repo.listStatusPageMaintenances(t.db, tenantId, own)).map((m) => m.id)).toEqual([
      id,
    ]);
    expect(await repo.listStatusPageMaintenances(t.db, otherTenantId, own)).toEqual([]);
    await repo.deleteMaintenance(t.db, tenantId, id);
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM maintenance_status_pages WHERE maintenance_id = ${id}
    `.execute(t.db);
    expect(rows[0]?.n).toBe(0);
  });

  it('covers a monitor through its group ancestors, only while the window is open', async () => {
    const group = await addMonitor(tenantId, { type: 'group', name: 'g' });
    const sub = await addMonitor(tenantId, { type: 'group', name: 'sub', parent: group });
    const leaf = await addMonitor(tenantId, { parent: sub });
    const loose = await addMonitor(tenantId);
    const id = await repo.insertMaintenance(
      t.db,
      tenantId,
      userId,
      fields({ strategy: 'single', dateRange: ['2024-01-01 00:00:00', '2024-01-02 00:00:00'] }),
    );
    await repo.setMaintenanceMonitors(t.db, tenantId, id, [group]);
    const refs = [leaf, loose, sub].map((monitorId) => ({ monitorId, tenantId }));

    const inside = Date.parse('2024-01-01T12:00:00Z');
    expect([...(await repo.findMonitorsUnderMaintenance(t.db, refs, inside))].sort()).toEqual(
      [sub, leaf].sort(),
    );
    expect(
      await repo.findMonitorsUnderMaintenance(t.db, refs, Date.parse('2024-01-03T00:00:00Z')),
    ).toEqual(new Set());
    // Earlier tests leave other open windows of this tenant behind.
    const direct = await repo.findDirectlyMaintainedMonitors(t.db, tenantId, inside);
    expect(direct.has(group)).toBe(true);
    expect(direct.has(leaf) || direct.has(loose)).toBe(false);

    // A job naming the wrong tenant sees nothing, and a paused window covers nothing.
    expect(
      await repo.findMonitorsUnderMaintenance(
        t.db,
        [{ monitorId: leaf, tenantId: otherTenantId }],
        inside,
      ),
    ).toEqual(new Set());
    await repo.setMaintenanceActive(t.db, tenantId, id, false);
    expect(await repo.findMonitorsUnderMaintenance(t.db, refs, inside)).toEqual(new Set());
  });

  it('forgets links when a covered monitor is deleted', async () => {
    const id = await repo.insertMaintenance(t.db, tenantId, userId, fields({ strategy: 'manual' }));
    const m = await addMonitor(tenantId);
    await repo.setMaintenanceMonitors(t.db, tenantId, id, [m]);
    await t.db.deleteFrom('monitors').where('id', '=', m).execute();
    expect(await repo.listMaintenanceMonitors(t.db, tenantId, id)).toEqual([]);
  });

  it('stores a push to a covered monitor as MAINTENANCE', async () => {
    const pushToken = `maint${backend}`;
    const m = await addMonitor(tenantId, { type: 'push', url: null, pushToken });
    const id = await repo.insertMaintenance(t.db, tenantId, userId, fields({ strategy: 'manual' }));
    await repo.setMaintenanceMonitors(t.db, tenantId, id, [m]);
    const beat = await recordPush(t.db, pushToken, { status: 'down', msg: 'x', pingMs: null });
    expect(beat).toMatchObject({ status: MAINTENANCE, msg: 'Monitor under maintenance' });
    await repo.setMaintenanceActive(t.db, tenantId, id, false);
    expect(
      await recordPush(t.db, pushToken, { status: 'up', msg: 'ok', pingMs: null }),
    ).toMatchObject({ status: 1, msg: 'ok' });
  });

  it("reads SAME_AS_SERVER windows in each tenant's own zone", async () => {
    // 09:00–10:00 wall clock; 00:30 UTC is inside it in Tokyo (UTC+9) and outside in UTC.
    const window = fields({
      strategy: 'single',
      dateRange: ['2024-06-01 09:00:00', '2024-06-01 10:00:00'],
      timezoneOption: 'SAME_AS_SERVER',
    });
    const now = Date.parse('2024-06-01T00:30:00Z');
    const tokyoMonitor = await addMonitor(tenantId);
    const utcMonitor = await addMonitor(otherTenantId);
    const tokyoWindow = await repo.insertMaintenance(t.db, tenantId, userId, window);
    const utcWindow = await repo.insertMaintenance(t.db, otherTenantId, null, window);
    await repo.setMaintenanceMonitors(t.db, tenantId, tokyoWindow, [tokyoMonitor]);
    await repo.setMaintenanceMonitors(t.db, otherTenantId, utcWindow, [utcMonitor]);
    await saveGeneralSettings(t.db, tenantId, { serverTimezone: 'Asia/Tokyo' });

    expect((await repo.findMaintenance(t.db, tenantId, tokyoWindow))?.serverTimeZone).toBe(
      'Asia/Tokyo',
    );
    expect((await repo.findMaintenance(t.db, otherTenantId, utcWindow))?.serverTimeZone).toBe(
      'UTC',
    );
    const covered = await repo.findMonitorsUnderMaintenance(
      t.db,
      [
        { monitorId: tokyoMonitor, tenantId },
        { monitorId: utcMonitor, tenantId: otherTenantId },
      ],
      now,
    );
    expect([...covered]).toEqual([tokyoMonitor]);
    expect([...(await repo.findDirectlyMaintainedMonitors(t.db, tenantId, now))]).toContain(
      tokyoMonitor,
    );
    await saveGeneralSettings(t.db, tenantId, { serverTimezone: '' });
  });
});
