import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOWN, monitorInputSchema, UP, type MonitorStatus } from '@watchpost/core';
import { heartbeatRepository, monitorRepository, tenantRepository } from '@watchpost/core/db';
import { openTestDatabase, TEST_BACKENDS, type BackendTestDatabase } from '@watchpost/core/testing';
import { runCheck } from './checks/run-check.js';
import { runMonitorCheck } from './run-monitor-check.js';
import { startDnsTestServer, type DnsTestServer } from '@watchpost/core/testing';

const parse = monitorInputSchema(20).parse;

describe.each(TEST_BACKENDS)('runMonitorCheck on %s', (backend) => {
  let t: BackendTestDatabase;
  let dns: DnsTestServer;
  let tenantId: number;
  let otherTenantId: number;

  beforeAll(async () => {
    t = await openTestDatabase(backend);
    dns = await startDnsTestServer({ 'shop.test': [{ type: 'A', address: '192.0.2.10' }] });
    ({ tenantId } = await tenantRepository.createTenantWithAdmin(t.db, {
      name: 'a',
      username: 'a',
      passwordHash: 'x',
    }));
    ({ tenantId: otherTenantId } = await tenantRepository.createTenantWithAdmin(t.db, {
      name: 'b',
      username: 'b',
      passwordHash: 'x',
    }));
  });
  afterAll(async () => {
    await dns?.close();
    await t?.drop();
  });

  async function add(tenant: number, fields: Record<string, unknown>): Promise<number> {
    const input = parse({ name: 'm', accepted_statuscodes: ['200-299'], ...fields });
    return monitorRepository.insertMonitor(t.db, tenant, input, true);
  }

  async function load(tenant: number, id: number) {
    const monitor = await monitorRepository.findMonitor(t.db, tenant, id);
    if (!monitor) throw new Error(`monitor ${id} not found`);
    return monitor;
  }

  async function beat(tenant: number, monitorId: number, status: MonitorStatus) {
    await heartbeatRepository.recordBeats(t.db, [
      {
        tenantId: tenant,
        monitorId,
        status,
        msg: '',
        time: new Date(),
        pingMs: null,
        durationSec: 0,
        downCount: 0,
        important: false,
        retries: 0,
        nextDueAt: null,
      },
    ]);
  }

  const deps = () => ({ db: t.db, runCheck });

  it('stores a dns monitor’s answer as dns_last_result', async () => {
    const id = await add(tenantId, {
      type: 'dns',
      hostname: 'shop.test',
      dns_resolve_server: dns.address,
      dns_resolve_type: 'A',
      port: 53,
    });
    const { result, outcome } = await runMonitorCheck(deps(), await load(tenantId, id));
    expect(result).toMatchObject({ status: 'up', msg: 'Records: 192.0.2.10' });
    expect(outcome).toMatchObject({ kind: 'up', msg: 'Records: 192.0.2.10' });
    expect((await load(tenantId, id)).dnsLastResult).toBe('Records: 192.0.2.10');
  });

  it('keeps the last answer when a dns check fails', async () => {
    const id = await add(tenantId, {
      type: 'dns',
      hostname: 'gone.test',
      dns_resolve_server: dns.address,
      dns_resolve_type: 'A',
    });
    await monitorRepository.setDnsLastResult(t.db, tenantId, id, 'Records: 192.0.2.99');
    const { result } = await runMonitorCheck(deps(), await load(tenantId, id));
    expect(result).toMatchObject({ status: 'down', msg: 'queryA ENOTFOUND gone.test' });
    expect((await load(tenantId, id)).dnsLastResult).toBe('Records: 192.0.2.99');
  });

  it('derives a group from its active children’s latest beats, in its own tenant only', async () => {
    const group = await add(tenantId, { type: 'group' });
    expect((await runMonitorCheck(deps(), await load(tenantId, group))).outcome).toEqual({
      kind: 'group',
      status: 'pending',
      msg: 'Group empty',
    });

    const child = { type: 'port', hostname: '127.0.0.1', port: 1, parent: group };
    const up = await add(tenantId, child);
    const fresh = await add(tenantId, child);
    await beat(tenantId, up, UP);
    expect((await runMonitorCheck(deps(), await load(tenantId, group))).outcome).toMatchObject({
      status: 'pending',
      msg: 'Child inaccessible',
    });

    await beat(tenantId, fresh, UP);
    const allUp = await runMonitorCheck(deps(), await load(tenantId, group));
    expect(allUp).toEqual({
      result: { status: 'up', msg: 'All children up and running', pingMs: null },
      outcome: { kind: 'group', status: 'up', msg: 'All children up and running' },
    });

    const paused = await add(tenantId, child);
    await beat(tenantId, paused, DOWN);
    await monitorRepository.setMonitorActive(t.db, tenantId, paused, false);
    await beat(tenantId, fresh, DOWN);
    expect((await runMonitorCheck(deps(), await load(tenantId, group))).outcome).toMatchObject({
      status: 'down',
      msg: 'Child inaccessible',
    });
    await beat(tenantId, fresh, UP);
    expect((await runMonitorCheck(deps(), await load(tenantId, group))).outcome).toMatchObject({
      status: 'up',
    });

    // The parent column is not tenant-checked by the database; the read must be.
    const foreign = await add(otherTenantId, { type: 'port', hostname: 'x', port: 1 });
    await t.db.updateTable('monitors').set({ parent: group }).where('id', '=', foreign).execute();
    await beat(otherTenantId, foreign, DOWN);
    expect((await runMonitorCheck(deps(), await load(tenantId, group))).outcome).toMatchObject({
      status: 'up',
    });
  });
});
