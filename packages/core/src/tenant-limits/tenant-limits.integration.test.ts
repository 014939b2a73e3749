import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importBackup } from '../backup/import-backup.js';
import { AppError } from '../errors/app-error.js';
import { addMonitor } from '../monitors/add-monitor.js';
import { editMonitor } from '../monitors/edit-monitor.js';
import * as monitorRepository from '../monitors/monitor-repository.js';
import { pauseMonitor } from '../monitors/pause-monitor.js';
import { resumeMonitor } from '../monitors/resume-monitor.js';
import { serviceContext, type ServiceContext } from '../services/service-context.js';
import { createServiceTestKit, type ServiceTestKit } from '../testing/service-test-kit.js';
import { openTestDatabase, type BackendTestDatabase } from '../testing/test-database.js';
import { setTenantLimits } from './set-tenant-limits.js';

// Tenant limits as every monitor write meets them (architecture rule 13): refused with the
// limit in the message, and nothing written.

let t: BackendTestDatabase;
let kit: ServiceTestKit;

const httpMonitor = (overrides: Record<string, unknown> = {}) => ({
  type: 'http',
  name: 'web',
  url: 'https://example.com/',
  accepted_statuscodes: ['200-299'],
  interval: 60,
  timeout: 48,
  ...overrides,
});

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return `${error.code}: ${error.message}`;
}

const monitorsOf = (ctx: ServiceContext) => monitorRepository.listMonitors(t.db, ctx.tenantId);

beforeAll(async () => {
  t = await openTestDatabase('postgres');
  kit = createServiceTestKit(t.db);
});
afterAll(async () => t?.drop());

describe('tenant limits', () => {
  it('refuses the add beyond the tenant’s monitor limit and writes nothing', async () => {
    const ctx = await kit.tenantContext('limited-count');
    await setTenantLimits(ctx, ctx.tenantId, { maxMonitors: 2 });
    await addMonitor(ctx, httpMonitor({ name: 'a' }));
    await addMonitor(ctx, httpMonitor({ name: 'b', active: false }));
    expect(await refusal(addMonitor(ctx, httpMonitor({ name: 'c' })))).toBe(
      'invalid-input: Monitor limit reached: this account may have at most 2 monitors',
    );
    expect((await monitorsOf(ctx)).map((m) => m.name)).toEqual(['a', 'b']);
  });

  it('lets concurrent adds take exactly the places left', async () => {
    const ctx = await kit.tenantContext('limited-race');
    await setTenantLimits(ctx, ctx.tenantId, { maxMonitors: 3 });
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) => addMonitor(ctx, httpMonitor({ name: `m${i}` }))),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    expect(await monitorsOf(ctx)).toHaveLength(3);
  });

  it('applies the operator’s default when the tenant has none, and its own value over it', async () => {
    const ports = { ...kit.ports, tenantLimits: { maxMonitors: 1, maxTimeoutSeconds: 10 } };
    const plain = await kit.tenantContext('operator-default');
    const ctx = serviceContext(ports, plain);
    expect(await refusal(addMonitor(ctx, httpMonitor({ timeout: 11 })))).toBe(
      'invalid-input: Timeout cannot be more than 10 seconds',
    );
    await addMonitor(ctx, httpMonitor({ timeout: 10 }));
    expect(await refusal(addMonitor(ctx, httpMonitor({ timeout: 10 })))).toMatch(
      /at most 1 monitors/,
    );
    await setTenantLimits(ctx, ctx.tenantId, { maxMonitors: 5, maxTimeoutSeconds: 60 });
    await addMonitor(ctx, httpMonitor({ timeout: 60 }));
    expect(await monitorsOf(ctx)).toHaveLength(2);
  });

  it('refuses an edit below the minimum interval or above the maximum timeout and keeps the monitor', async () => {
    const ctx = await kit.tenantContext('limited-edit');
    const { monitorId } = await addMonitor(ctx, httpMonitor());
    await setTenantLimits(ctx, ctx.tenantId, { minIntervalSeconds: 120, maxTimeoutSeconds: 30 });
    expect(await refusal(editMonitor(ctx, httpMonitor({ id: monitorId, interval: 60 })))).toBe(
      'invalid-input: Interval cannot be less than 120 seconds',
    );
    expect(
      await refusal(editMonitor(ctx, httpMonitor({ id: monitorId, interval: 120, timeout: 31 }))),
    ).toBe('invalid-input: Timeout cannot be more than 30 seconds');
    expect(
      await refusal(editMonitor(ctx, httpMonitor({ id: monitorId, interval: 3600, timeout: 0 }))),
    ).toMatch(/^invalid-input: Timeout cannot be more than 30 seconds \(without a timeout/);
    const [kept] = await monitorsOf(ctx);
    expect(kept).toMatchObject({ interval: 60, timeout: 48 });
  });

  it('refuses to resume a monitor that no longer fits the limits, and leaves it paused', async () => {
    const ctx = await kit.tenantContext('limited-resume');
    const { monitorId } = await addMonitor(ctx, httpMonitor());
    await pauseMonitor(ctx, monitorId);
    await setTenantLimits(ctx, ctx.tenantId, { maxTimeoutSeconds: 20 });
    expect(await refusal(resumeMonitor(ctx, monitorId))).toBe(
      'invalid-input: Timeout cannot be more than 20 seconds',
    );
    expect((await monitorsOf(ctx))[0]?.active).toBe(false);
  });

  it('refuses a backup import that would go beyond the limits and imports nothing', async () => {
    const ctx = await kit.tenantContext('limited-import');
    await setTenantLimits(ctx, ctx.tenantId, { maxMonitors: 2 });
    await addMonitor(ctx, httpMonitor({ name: 'existing' }));
    const backup = (names: string[], extra: Record<string, unknown> = {}) =>
      JSON.stringify({
        version: '1.23.0',
        notificationList: [],
        monitorList: names.map((name, i) => ({ id: i + 1, ...httpMonitor({ name }), ...extra })),
      });
    expect(await refusal(importBackup(ctx, backup(['x', 'y']), 'keep'))).toBe(
      'invalid-input: Monitor limit reached: this account may have at most 2 monitors',
    );
    await setTenantLimits(ctx, ctx.tenantId, { maxTimeoutSeconds: 5 });
    expect(await refusal(importBackup(ctx, backup(['x']), 'keep'))).toBe(
      'invalid-input: Invalid backup: monitor 1 ("x"): Timeout cannot be more than 5 seconds',
    );
    expect((await monitorsOf(ctx)).map((m) => m.name)).toEqual(['existing']);
    // Overwrite frees the places of the monitors it replaces.
    await setTenantLimits(ctx, ctx.tenantId, { maxTimeoutSeconds: null });
    await importBackup(ctx, backup(['x', 'y']), 'overwrite');
    expect((await monitorsOf(ctx)).map((m) => m.name)).toEqual(['x', 'y']);
  });

  it('keeps each tenant’s limits its own', async () => {
    const alice = await kit.tenantContext('limits-alice');
    const bob = await kit.tenantContext('limits-bob');
    await setTenantLimits(alice, alice.tenantId, { maxMonitors: 0 });
    expect(await refusal(addMonitor(alice, httpMonitor()))).toMatch(/at most 0 monitors/);
    await addMonitor(bob, httpMonitor());
    expect(await monitorsOf(bob)).toHaveLength(1);
  });

  it('refuses limits for a tenant that does not exist and stores none', async () => {
    const ctx = await kit.tenantContext('limits-lookup');
    expect(await refusal(setTenantLimits(ctx, 2_000_000_000, { maxMonitors: 1 }))).toBe(
      'not-found: No tenant with id 2000000000',
    );
    expect(
      await t.db
        .selectFrom('tenant_limits')
        .where('tenant_id', '=', 2_000_000_000)
        .selectAll()
        .execute(),
    ).toEqual([]);
  });

  it('puts a limit back to the operator’s default with null', async () => {
    const ctx = await kit.tenantContext('limits-reset');
    await setTenantLimits(ctx, ctx.tenantId, { maxMonitors: 0, minIntervalSeconds: 300 });
    expect(await setTenantLimits(ctx, ctx.tenantId, { maxMonitors: null })).toEqual({
      maxMonitors: null,
      minIntervalSeconds: 300,
      maxTimeoutSeconds: null,
      maxChecksInFlight: null,
    });
    await addMonitor(ctx, httpMonitor({ interval: 300 }));
  });
});
