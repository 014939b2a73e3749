import { describe, expect, it } from 'vitest';
import { buildMonitorList } from '../monitors/build-monitor-list.js';
import type { Monitor } from '../monitors/monitor.js';
import { makeMonitor } from '../testing/make-monitor.js';
import { monitorMetasOf, toMonitorMeta } from './monitor-meta.js';

describe('toMonitorMeta', () => {
  it('takes the list fields from a Kuma monitor object, tags inline', () => {
    const meta = toMonitorMeta({
      id: 7,
      name: 'api',
      type: 'keyword',
      active: true,
      parent: 3,
      maintenance: true,
      url: 'https://api.example/',
      hostname: null,
      port: null,
      interval: 60,
      tags: [{ id: 1, monitor_id: 7, tag_id: 4, value: null, name: 'prod', color: '#f00' }],
    });
    expect(meta).toEqual({
      id: 7,
      name: 'api',
      type: 'keyword',
      active: true,
      parent: 3,
      maintenance: true,
      target: 'https://api.example/',
      tags: [{ tagId: 4, name: 'prod', color: '#f00', value: '' }],
    });
  });

  it('names a host and port as the target when the URL is only the form’s placeholder', () => {
    const meta = toMonitorMeta({
      id: 1,
      type: 'port',
      url: 'https://',
      hostname: 'db.local',
      port: 5432,
    });
    expect(meta.target).toBe('db.local:5432');
    expect(toMonitorMeta({ id: 2, type: 'push', url: null, hostname: null }).target).toBeNull();
  });
});

describe('monitorMetasOf', () => {
  // A tree with what Kuma computes from it: a paused group above a monitor, a maintenance
  // window on a group two levels up, tags, a cycle, a parent that does not exist, and every
  // kind of target.
  const monitors: Monitor[] = [
    makeMonitor({ id: 1, name: 'root', type: 'group' }),
    makeMonitor({ id: 2, name: 'paused group', type: 'group', parent: 1, active: false }),
    makeMonitor({ id: 3, name: 'web', parent: 2, url: 'https://example.com/' }),
    makeMonitor({
      id: 4,
      name: 'db',
      type: 'port',
      parent: 1,
      url: 'https://',
      hostname: 'db',
      port: 5432,
    }),
    makeMonitor({ id: 5, name: 'dns', type: 'dns', hostname: 'example.org' }),
    makeMonitor({ id: 6, name: 'push', type: 'push', active: false }),
    makeMonitor({ id: 7, name: 'loop a', type: 'group', parent: 8 }),
    makeMonitor({ id: 8, name: 'loop b', type: 'group', parent: 7 }),
    makeMonitor({ id: 9, name: 'orphan', parent: 99 }),
  ];
  const tags = new Map([
    [3, [{ id: 1, monitor_id: 3, tag_id: 4, value: 'eu', name: 'region', color: '#00f' }]],
    [5, [{ id: 2, monitor_id: 5, tag_id: 5, value: null, name: 'dns', color: '#0f0' }]],
  ]);
  const maintained = new Set([1, 8]);

  it('says what the meta of each monitor’s Kuma object says', () => {
    const list = buildMonitorList(monitors, new Map(), tags, maintained);
    const expected = monitors.map((m) => toMonitorMeta(list[String(m.id)]!));
    expect(monitorMetasOf(monitors, tags, maintained)).toEqual(expected);
    // The cases the tree decides, spelled out.
    const byId = new Map(expected.map((meta) => [meta.id, meta]));
    expect(byId.get(3)).toMatchObject({
      active: false,
      maintenance: true,
      target: 'https://example.com/',
    });
    expect(byId.get(4)).toMatchObject({ active: true, maintenance: true, target: 'db:5432' });
    expect(byId.get(5)).toMatchObject({ maintenance: false, target: 'example.org' });
    expect(byId.get(7)).toMatchObject({ maintenance: true });
    expect(byId.get(9)).toMatchObject({ active: true, maintenance: false, parent: 99 });
  });
});
