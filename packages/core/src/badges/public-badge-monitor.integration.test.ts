import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TlsInfo } from '../checks/tls-info.js';
import { recordBeats } from '../heartbeats/record-beats.js';
import { monitorInputSchema } from '../monitors/monitor-input.js';
import { insertMonitor, updateMonitor } from '../monitors/monitor-repository.js';
import { DOWN } from '../monitors/monitor-status.js';
import { createTenantWithAdmin } from '../tenants/tenant-repository.js';
import {
  openTestDatabase,
  TEST_BACKENDS,
  type BackendTestDatabase,
} from '../testing/test-database.js';
import { findPublicBadgeMonitor } from './public-badge-monitor.js';

const schema = monitorInputSchema(20);
const input = (badgesPublic?: boolean) =>
  schema.parse({
    type: 'http',
    name: 'web',
    url: 'https://example.com/',
    accepted_statuscodes: ['200-299'],
    badgesPublic,
  });

const tls = {
  valid: true,
  certInfo: { daysRemaining: 30, validTo: '2030-01-01T00:00:00.000Z' },
} as TlsInfo;

describe.each(TEST_BACKENDS)('findPublicBadgeMonitor on %s', (backend) => {
  let t: BackendTestDatabase;
  let tenantId: number;

  beforeAll(async () => {
    t = await openTestDatabase(backend);
    ({ tenantId } = await createTenantWithAdmin(t.db, {
      name: 'a',
      username: `badge-${backend}`,
      passwordHash: 'x',
    }));
  });
  afterAll(async () => t?.drop());

  it('keeps monitors private unless badgesPublic says otherwise', async () => {
    const id = await insertMonitor(t.db, tenantId, input(), true);
    expect(await findPublicBadgeMonitor(t.db, id)).toBeUndefined();
    expect(await findPublicBadgeMonitor(t.db, id + 1_000)).toBeUndefined();
  });

  it('answers the latest state of a public monitor, and nothing once it is private again', async () => {
    const id = await insertMonitor(t.db, tenantId, input(true), true);
    expect(await findPublicBadgeMonitor(t.db, id)).toEqual({
      monitorId: id,
      tenantId,
      status: null,
      lastPing: null,
      tls: null,
    });
    const now = new Date();
    await recordBeats(t.db, [
      {
        tenantId,
        monitorId: id,
        status: DOWN,
        msg: 'boom',
        time: now,
        pingMs: 12.5,
        durationSec: 0,
        downCount: 0,
        important: true,
        retries: 0,
        nextDueAt: new Date(now.getTime() + 60_000),
        tls,
      },
    ]);
    expect(await findPublicBadgeMonitor(t.db, id)).toEqual({
      monitorId: id,
      tenantId,
      status: DOWN,
      lastPing: 12.5,
      tls,
    });
    await updateMonitor(t.db, tenantId, id, input(false));
    expect(await findPublicBadgeMonitor(t.db, id)).toBeUndefined();
  });
});
