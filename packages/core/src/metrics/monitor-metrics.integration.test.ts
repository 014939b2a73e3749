import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TlsInfo } from '../checks/tls-info.js';
import { recordBeats } from '../heartbeats/record-beats.js';
import { monitorInputSchema } from '../monitors/monitor-input.js';
import { insertMonitor } from '../monitors/monitor-repository.js';
import { DOWN, PENDING, UP, type MonitorStatus } from '../monitors/monitor-status.js';
import { createTenantWithAdmin } from '../tenants/tenant-repository.js';
import {
  openTestDatabase,
  TEST_BACKENDS,
  type BackendTestDatabase,
} from '../testing/test-database.js';
import { listMonitorMetrics, type MonitorTagLoader } from './monitor-metrics.js';

let t: BackendTestDatabase;
let tenantId: number;
let otherTenantId: number;

function addMonitor(tenant: number, overrides: Record<string, unknown> = {}, active = true) {
  const input = monitorInputSchema(20).parse({
    type: 'http',
    name: 'web',
    url: 'https://example.com/',
    accepted_statuscodes: ['200-299'],
    ...overrides,
  });
  return insertMonitor(t.db, tenant, input, active);
}

function beat(tenant: number, monitorId: number, status: MonitorStatus, extra = {}) {
  return recordBeats(t.db, [
    {
      tenantId: tenant,
      monitorId,
      status,
      msg: '',
      time: new Date(),
      pingMs: null,
      durationSec: 20,
      downCount: 0,
      important: false,
      retries: 0,
      nextDueAt: new Date(Date.now() + 20_000),
      ...extra,
    },
  ]);
}

function tlsInfo(valid: boolean, daysRemaining: number): TlsInfo {
  return { valid, certInfo: { daysRemaining } } as unknown as TlsInfo;
}

describe.each(TEST_BACKENDS)('on %s', (backend) => {
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

  describe('listMonitorMetrics', () => {
    it('answers the latest beat and TLS facts of each running monitor of the tenant only', async () => {
      const up = await addMonitor(tenantId, { name: 'up' });
      const down = await addMonitor(tenantId, {
        type: 'port',
        name: 'down',
        url: null,
        hostname: 'db',
        port: 5432,
      });
      const pending = await addMonitor(tenantId, { name: 'pending' });
      const neverChecked = await addMonitor(tenantId, { name: 'new' });
      const foreign = await addMonitor(otherTenantId, { name: 'foreign' });
      await beat(tenantId, up, DOWN, { pingMs: 5 });
      await beat(tenantId, up, UP, { pingMs: 12.5, tls: tlsInfo(true, 30) });
      // A later beat without TLS facts keeps the stored ones.
      await beat(tenantId, up, UP, { pingMs: 13 });
      await beat(tenantId, down, DOWN);
      await beat(tenantId, pending, PENDING, { tls: tlsInfo(false, -2) });
      await beat(otherTenantId, foreign, UP);

      const metrics = await listMonitorMetrics(t.db, tenantId);
      expect(metrics).toEqual([
        {
          id: up,
          name: 'up',
          type: 'http',
          url: 'https://example.com/',
          hostname: null,
          port: null,
          status: UP,
          pingMs: 13,
          tls: { valid: true, daysRemaining: 30 },
          tags: [],
        },
        expect.objectContaining({
          id: down,
          hostname: 'db',
          port: 5432,
          status: DOWN,
          pingMs: null,
          tls: null,
        }),
        expect.objectContaining({
          id: pending,
          status: PENDING,
          tls: { valid: false, daysRemaining: -2 },
        }),
      ]);
      expect(metrics.map((m) => m.id)).not.toContain(neverChecked);
    });

    it('leaves out paused monitors and everything below a paused group', async () => {
      const group = await addMonitor(tenantId, { type: 'group', name: 'g', url: null }, false);
      const child = await addMonitor(tenantId, { name: 'child', parent: group });
      const paused = await addMonitor(tenantId, { name: 'paused' }, false);
      for (const id of [group, child, paused]) await beat(tenantId, id, UP);
      const ids = (await listMonitorMetrics(t.db, tenantId)).map((m) => m.id);
      expect(ids).not.toContain(group);
      expect(ids).not.toContain(child);
      expect(ids).not.toContain(paused);
    });

    it('attaches the tags the tag loader finds for the tenant', async () => {
      const tagged = await addMonitor(tenantId, { name: 'tagged' });
      await beat(tenantId, tagged, UP);
      const asked: number[] = [];
      const loadTags: MonitorTagLoader = async (_db, tenant) => {
        asked.push(tenant);
        return new Map([[tagged, [{ name: 'env', value: 'prod' }]]]);
      };
      const metrics = await listMonitorMetrics(t.db, tenantId, loadTags);
      expect(asked).toEqual([tenantId]);
      expect(metrics.find((m) => m.id === tagged)?.tags).toEqual([{ name: 'env', value: 'prod' }]);
      expect(metrics.filter((m) => m.id !== tagged).every((m) => m.tags.length === 0)).toBe(true);
    });
  });
});
