import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordBeats } from '../heartbeats/record-beats.js';
import type { ServiceContext } from '../services/service-context.js';
import * as tagRepository from '../tags/tag-repository.js';
import { createServiceTestKit } from '../testing/service-test-kit.js';
import {
  openTestDatabase,
  TEST_BACKENDS,
  type BackendTestDatabase,
} from '../testing/test-database.js';
import { addMonitor } from './add-monitor.js';
import { listMonitorPage, type MonitorPageFilter } from './list-monitor-page.js';
import { listMonitors } from './list-monitors.js';
import { monitorInputSchema } from './monitor-input.js';
import * as monitorRepository from './monitor-repository.js';
import { DOWN } from './monitor-status.js';
import { pauseMonitor } from './pause-monitor.js';

// A page of the monitor list is cut in the database, yet each monitor on it is the very object
// the whole list holds (group paths, children, inherited pause, tags, notifications).

/** Counts the rows every query made through the returned context read. */
function countingRows(ctx: ServiceContext): { ctx: ServiceContext; rows: () => number } {
  let rows = 0;
  const plugin: KyselyPlugin = {
    transformQuery: (args) => args.node,
    transformResult: async (args) => {
      rows += args.result.rows.length;
      return args.result;
    },
  };
  return { ctx: { ...ctx, db: ctx.db.withPlugin(plugin) }, rows: () => rows };
}

describe.each(TEST_BACKENDS)('listMonitorPage on %s', (backend) => {
  let t: BackendTestDatabase;
  let alice: ServiceContext;
  let bob: ServiceContext;
  const filler = 40;

  const http = (name: string, more: Record<string, unknown> = {}) => ({
    type: 'http',
    name,
    url: `https://${name}.example/`,
    accepted_statuscodes: ['200-299'],
    ...more,
  });
  const add = async (ctx: ServiceContext, input: Record<string, unknown>) =>
    (await addMonitor(ctx, { accepted_statuscodes: ['200-299'], ...input })).monitorId;

  /** Every page of `filter`, `limit` at a time, joined. */
  async function walk(filter: MonitorPageFilter, limit: number) {
    const seen: { monitor: Record<string, unknown>; status: number | null }[] = [];
    let after = 0;
    for (;;) {
      const page = await listMonitorPage(alice, filter, after, limit);
      expect(page.monitors.length).toBeLessThanOrEqual(limit);
      seen.push(...page.monitors);
      if (page.nextAfterId === null) return seen;
      after = page.nextAfterId;
    }
  }

  beforeAll(async () => {
    t = await openTestDatabase(backend);
    const kit = createServiceTestKit(t.db);
    alice = await kit.tenantContext(`alice-${backend}`);
    bob = await kit.tenantContext(`bob-${backend}`);
    const outer = await add(alice, { type: 'group', name: 'outer' });
    const inner = await add(alice, { type: 'group', name: 'inner', parent: outer });
    const deep = await add(alice, http('deep', { parent: inner }));
    await add(alice, {
      type: 'port',
      name: '100%_db',
      hostname: 'DB.internal',
      port: 5432,
      parent: outer,
    });
    await pauseMonitor(alice, inner);
    const tagged = await add(alice, http('tagged'));
    const tag = await tagRepository.createTag(t.db, alice.tenantId, {
      name: 'prod',
      color: '#f00',
    });
    await tagRepository.addMonitorTag(t.db, alice.tenantId, tag.id, tagged, 'eu');
    await tagRepository.addMonitorTag(t.db, alice.tenantId, tag.id, deep, null);
    for (let i = 0; i < filler; i++) {
      const input = monitorInputSchema(20).parse(http(`filler-${i}`));
      await monitorRepository.insertMonitor(t.db, alice.tenantId, input, true);
    }
    await add(bob, http('bobs'));
    await recordBeats(t.db, [
      {
        tenantId: alice.tenantId,
        monitorId: tagged,
        status: DOWN,
        msg: 'refused',
        time: new Date(),
        pingMs: null,
        durationSec: 60,
        downCount: 1,
        important: true,
        retries: 0,
        nextDueAt: null,
      },
    ]);
  });
  afterAll(async () => t?.drop());

  it('pages through exactly the objects of the whole list, in id order', async () => {
    const whole = Object.values(await listMonitors(alice));
    const paged = await walk({}, 7);
    expect(paged.map((m) => m.monitor)).toEqual(whole);
    expect(paged.find((m) => m.monitor.name === 'deep')?.monitor).toMatchObject({
      pathName: 'outer / inner / deep',
      active: false,
      forceInactive: true,
    });
  });

  it('filters as the whole list reads, each criterion alone', async () => {
    const whole = Object.values(await listMonitors(alice));
    const names = (list: { monitor: Record<string, unknown> }[] | Record<string, unknown>[]) =>
      list.map((m) => ('monitor' in m ? (m.monitor as Record<string, unknown>) : m).name);
    const tagged = (m: Record<string, unknown>) =>
      (m.tags as { name: string }[]).some((tag) => tag.name === 'prod');
    expect(names(await walk({ tag: 'prod' }, 1))).toEqual(names(whole.filter(tagged)));
    expect(names(await walk({ tag: 'prod' }, 1))).toEqual(['deep', 'tagged']);
    expect(names(await walk({ type: 'port' }, 5))).toEqual(['100%_db']);
    // Taken literally: `%` and `_` match only themselves; case does not count.
    expect(names(await walk({ search: '0%_D' }, 5))).toEqual(['100%_db']);
    expect(names(await walk({ search: 'db.INTERNAL' }, 5))).toEqual(['100%_db']);
    expect(names(await walk({ search: 'tagged.example' }, 5))).toEqual(['tagged']);
    expect(names(await walk({ status: DOWN }, 5))).toEqual(['tagged']);
    expect(names(await walk({ active: false }, 2))).toEqual(
      names(whole.filter((m) => m.active === false)),
    );
    expect(names(await walk({ active: false }, 2))).toEqual(['inner', 'deep']);
    expect(await walk({ active: true }, 50)).toHaveLength(whole.length - 2);
    expect(await walk({ tag: 'prod', status: DOWN, active: true }, 5)).toEqual([
      expect.objectContaining({ status: DOWN }),
    ]);
  });

  it('reads rows for the page, not for the tenant', async () => {
    const counting = countingRows(alice);
    const page = await listMonitorPage(counting.ctx, {}, 0, 2);
    expect(page.monitors).toHaveLength(2);
    // The page's ids (one extra), the outer group's family rows, and its tags and links.
    expect(counting.rows()).toBeLessThan(filler / 2);
  });

  it('never shows another tenant’s monitors, whatever the cursor', async () => {
    const bobs = await listMonitorPage(bob, {}, 0, 100);
    expect(bobs.monitors.map((m) => m.monitor.name)).toEqual(['bobs']);
    const aliceIds = new Set((await walk({}, 100)).map((m) => m.monitor.id));
    expect(aliceIds.has(bobs.monitors[0]!.monitor.id)).toBe(false);
    expect(await listMonitorPage(bob, { search: 'filler' }, 0, 100)).toEqual({
      monitors: [],
      nextAfterId: null,
    });
  });
});
