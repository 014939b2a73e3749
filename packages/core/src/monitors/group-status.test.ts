import { describe, expect, it } from 'vitest';
import { DOWN, MAINTENANCE, PENDING, UP } from './monitor-status.js';
import { deriveGroupStatus, type GroupChild } from './group-status.js';

const child = (status: GroupChild['status'], active = true): GroupChild => ({ active, status });

describe('deriveGroupStatus (docs/protocol/monitoring.md#group-monitors)', () => {
  it('is UP with "All children up and running" when every active child is UP', () => {
    expect(deriveGroupStatus([child(UP), child(UP)])).toEqual({
      status: 'up',
      msg: 'All children up and running',
    });
  });

  it('is DOWN with "Child inaccessible" when any active child is DOWN', () => {
    expect(deriveGroupStatus([child(UP), child(DOWN)])).toEqual({
      status: 'down',
      msg: 'Child inaccessible',
    });
  });

  it('is PENDING with "Child inaccessible" when a child is PENDING or has no beat yet', () => {
    expect(deriveGroupStatus([child(UP), child(PENDING)])).toEqual({
      status: 'pending',
      msg: 'Child inaccessible',
    });
    expect(deriveGroupStatus([child(UP), child(null)])).toMatchObject({ status: 'pending' });
  });

  it('lets DOWN win over PENDING whatever the order of the children', () => {
    expect(deriveGroupStatus([child(DOWN), child(null)])).toMatchObject({ status: 'down' });
    expect(deriveGroupStatus([child(PENDING), child(DOWN)])).toMatchObject({ status: 'down' });
  });

  it('skips paused children', () => {
    expect(deriveGroupStatus([child(UP), child(DOWN, false), child(null, false)])).toMatchObject({
      status: 'up',
    });
  });

  it('counts a child under maintenance as up', () => {
    expect(deriveGroupStatus([child(MAINTENANCE), child(UP)])).toMatchObject({ status: 'up' });
  });

  it('is PENDING with "Group empty" without children', () => {
    expect(deriveGroupStatus([])).toEqual({ status: 'pending', msg: 'Group empty' });
  });

  it('is UP when every child is paused, as upstream', () => {
    expect(deriveGroupStatus([child(DOWN, false)])).toMatchObject({ status: 'up' });
  });
});
