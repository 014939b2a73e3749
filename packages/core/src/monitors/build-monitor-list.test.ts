import { describe, expect, it } from 'vitest';
import { makeMonitor as storedMonitor } from '../testing/make-monitor.js';
import { buildMonitorList } from './build-monitor-list.js';
import type { Monitor } from './monitor.js';

/** A monitor named after its id, as the list's pathName tests expect. */
function makeMonitor(overrides: Partial<Monitor> & Pick<Monitor, 'id'>): Monitor {
  return storedMonitor({
    name: `m${overrides.id}`,
    url: 'https://example.com/',
    timeout: 48,
    ...overrides,
  });
}

describe('buildMonitorList', () => {
  it('keys monitors by id in ascending order', () => {
    const list = buildMonitorList([makeMonitor({ id: 10 }), makeMonitor({ id: 2 })]);
    expect(Object.keys(list)).toEqual(['2', '10']);
    expect(JSON.stringify(list).indexOf('"2"')).toBeLessThan(JSON.stringify(list).indexOf('"10"'));
  });

  it('answers {} for a tenant without monitors', () => {
    expect(buildMonitorList([])).toEqual({});
  });

  it('joins ancestor names into pathName and lists all descendants depth first', () => {
    const list = buildMonitorList([
      makeMonitor({ id: 1, type: 'group', name: 'Prod' }),
      makeMonitor({ id: 2, type: 'group', name: 'EU', parent: 1 }),
      makeMonitor({ id: 3, name: 'web', parent: 2 }),
      makeMonitor({ id: 4, name: 'db', parent: 1 }),
      makeMonitor({ id: 5, name: 'api', parent: 2 }),
    ]);
    expect(list['3']).toMatchObject({ pathName: 'Prod / EU / web', childrenIDs: [] });
    expect(list['4']).toMatchObject({ pathName: 'Prod / db' });
    expect(list['1']).toMatchObject({ pathName: 'Prod', childrenIDs: [2, 3, 5, 4] });
    expect(list['2']).toMatchObject({ childrenIDs: [3, 5] });
  });

  it('marks every descendant of a paused group inactive and forceInactive', () => {
    const list = buildMonitorList([
      makeMonitor({ id: 1, type: 'group', active: false }),
      makeMonitor({ id: 2, type: 'group', parent: 1 }),
      makeMonitor({ id: 3, parent: 2 }),
      makeMonitor({ id: 4 }),
    ]);
    expect(list['1']).toMatchObject({ active: false, forceInactive: false });
    expect(list['2']).toMatchObject({ active: false, forceInactive: true });
    expect(list['3']).toMatchObject({ active: false, forceInactive: true });
    expect(list['4']).toMatchObject({ active: true, forceInactive: false });
  });

  it('survives a parent cycle and a parent that is not in the list', () => {
    const list = buildMonitorList([
      makeMonitor({ id: 1, type: 'group', name: 'a', parent: 2 }),
      makeMonitor({ id: 2, type: 'group', name: 'b', parent: 1 }),
      makeMonitor({ id: 3, name: 'orphan', parent: 99 }),
    ]);
    expect(list['1']).toMatchObject({ pathName: 'b / a', childrenIDs: [2] });
    expect(list['3']).toMatchObject({ pathName: 'orphan', forceInactive: false });
  });

  it('fills tags and maintenance until those features exist', () => {
    expect(buildMonitorList([makeMonitor({ id: 1 })])['1']).toMatchObject({
      notificationIDList: {},
      tags: [],
      maintenance: false,
    });
  });

  it('encodes linked notifications as {"<id>": true} with keys in ascending order', () => {
    const links = new Map([[1, [12, 3]]]);
    const list = buildMonitorList([makeMonitor({ id: 1 }), makeMonitor({ id: 2 })], links);
    expect(Object.entries(list['1']!.notificationIDList as object)).toEqual([
      ['3', true],
      ['12', true],
    ]);
    expect(list['2']!.notificationIDList).toEqual({});
  });
});
