import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openTestDatabase,
  TEST_BACKENDS,
  type BackendTestDatabase,
} from '../testing/test-database.js';
import { createTenantWithAdmin } from '../tenants/tenant-repository.js';
import { loadCheckTargets, listSchedulableMonitors } from './check-targets.js';
import { monitorInputSchema } from './monitor-input.js';
import { insertMonitor, setMonitorActive, updateMonitor } from './monitor-repository.js';
import { recordBeats } from '../heartbeats/record-beats.js';
import { PENDING } from './monitor-status.js';

let t: BackendTestDatabase;
let tenantId: number;
let otherTenantId: number;
const parse = monitorInputSchema(20).parse;

function monitor(overrides: Record<string, unknown> = {}) {
  return parse({
    type: 'http',
    name: 'web',
    url: 'http://127.0.0.1:1/',
    accepted_statuscodes: ['200-299'],
    ...overrides,
  });
}

// The same repository code runs on Postgres (distributed) and PGlite (embedded).
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

  describe('check targets', () => {
    it('treats every monitor below a paused group as paused', async () => {
      const group = await insertMonitor(
        t.db,
        tenantId,
        monitor({ type: 'group', name: 'g' }),
        true,
      );
      const sub = await insertMonitor(
        t.db,
        tenantId,
        monitor({ type: 'group', name: 'sub', parent: group }),
        true,
      );
      const leaf = await insertMonitor(t.db, tenantId, monitor({ parent: sub }), true);
      const loose = await insertMonitor(t.db, tenantId, monitor(), true);

      const ids = async () => (await listSchedulableMonitors(t.db)).map((m) => m.monitorId).sort();
      expect(await ids()).toEqual([group, sub, leaf, loose].sort());

      await setMonitorActive(t.db, tenantId, group, false);
      expect(await ids()).toEqual([loose]);
      const targets = await loadCheckTargets(t.db, [
        { monitorId: leaf, tenantId },
        { monitorId: loose, tenantId },
      ]);
      expect(targets.get(leaf)?.effectivelyActive).toBe(false);
      expect(targets.get(loose)?.effectivelyActive).toBe(true);

      await setMonitorActive(t.db, tenantId, group, true);
      expect(await ids()).toEqual([group, sub, leaf, loose].sort());
    });

    it('loads a monitor only for the tenant the job names', async () => {
      const id = await insertMonitor(t.db, tenantId, monitor(), true);
      const targets = await loadCheckTargets(t.db, [{ monitorId: id, tenantId: otherTenantId }]);
      expect(targets.size).toBe(0);
    });

    it('forgets the retry count and the chosen next slot when a monitor is restarted', async () => {
      const id = await insertMonitor(t.db, tenantId, monitor(), true);
      const afterBeat = async () => {
        await recordBeats(t.db, [
          {
            tenantId,
            monitorId: id,
            status: PENDING,
            msg: 'refused',
            time: new Date(),
            pingMs: null,
            durationSec: 0,
            downCount: 0,
            important: false,
            retries: 1,
            nextDueAt: new Date(Date.now() + 60_000),
          },
        ]);
        const target = (await loadCheckTargets(t.db, [{ monitorId: id, tenantId }])).get(id);
        expect(target?.state.retries).toBe(1);
        expect(target?.nextDueAt).toBeInstanceOf(Date);
      };
      const restarted = async () => {
        const target = (await loadCheckTargets(t.db, [{ monitorId: id, tenantId }])).get(id);
        expect(target?.state.retries).toBe(0);
        expect(target?.nextDueAt).toBeNull();
      };

      await afterBeat();
      await setMonitorActive(t.db, tenantId, id, true);
      await restarted();
      await afterBeat();
      await updateMonitor(t.db, tenantId, id, monitor({ name: 'renamed' }));
      await restarted();
    });
  });
});
