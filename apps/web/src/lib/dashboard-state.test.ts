import type { MonitorSummary } from '@watchpost/core';
import { describe, expect, it } from 'vitest';
import {
  BAR_BEATS,
  applyPushes,
  initialDashboardState,
  signInBySummaries,
  type DashboardPush,
  type DashboardState,
  type HeartbeatJson,
} from './dashboard-state.js';

function summary(id: number, overrides: Partial<MonitorSummary> = {}): MonitorSummary {
  return {
    id,
    name: `m${id}`,
    type: 'http',
    active: true,
    parent: null,
    maintenance: false,
    target: null,
    tags: [],
    status: 1,
    ping: 10,
    uptime24: 1,
    beats: '111',
    ...overrides,
  };
}

function beat(monitorID: number, status: number, ping: number | null = 20): HeartbeatJson {
  return {
    monitorID,
    status,
    time: '2026-01-01 00:00:00.000',
    msg: '',
    ping,
    important: false,
    duration: 20,
  };
}

function loaded(...summaries: MonitorSummary[]): DashboardState {
  return applyPushes(initialDashboardState, [['monitorSummaryList', summaries]]);
}

describe('applyPushes', () => {
  it('replaces every monitor with the lean burst and marks the list loaded', () => {
    const before = loaded(summary(9));
    const state = applyPushes(before, [['monitorSummaryList', [summary(1), summary(2)]]]);
    expect([...state.monitors.keys()]).toEqual([1, 2]);
    expect(state.monitorsLoaded).toBe(true);
  });

  it('applies a beat: status, ping and one more digit on the bar', () => {
    const state = applyPushes(loaded(summary(1)), [['heartbeat', beat(1, 0, null)]]);
    expect(state.monitors.get(1)).toMatchObject({ status: 0, ping: null, beats: '1110' });
  });

  it('keeps the bar at its length however many beats arrive', () => {
    const beats = Array.from({ length: BAR_BEATS + 5 }, (): DashboardPush => [
      'heartbeat',
      beat(1, 2),
    ]);
    const state = applyPushes(loaded(summary(1)), beats);
    expect(state.monitors.get(1)?.beats).toBe('2'.repeat(BAR_BEATS));
  });

  it('merges a meta delta into known monitors, keeping their beats, and adds and removes', () => {
    const state = applyPushes(loaded(summary(1), summary(2)), [
      [
        'monitorMetaDelta',
        {
          upserts: [
            { ...summary(1), name: 'renamed', active: false },
            {
              id: 3,
              name: 'new',
              type: 'port',
              active: true,
              parent: null,
              maintenance: false,
              target: 'h:1',
              tags: [],
            },
          ].map(({ id, name, type, active, parent, maintenance, target, tags }) => ({
            id,
            name,
            type,
            active,
            parent,
            maintenance,
            target,
            tags,
          })),
          removed: [2],
        },
      ],
    ]);
    expect(state.monitors.get(1)).toMatchObject({
      name: 'renamed',
      active: false,
      beats: '111',
      ping: 10,
    });
    expect(state.monitors.get(3)).toMatchObject({
      name: 'new',
      status: null,
      beats: '',
      uptime24: null,
    });
    expect(state.monitors.has(2)).toBe(false);
  });

  it('rebuilds the list tree on a burst or a meta delta, never on beats', () => {
    const before = loaded(summary(2, { name: 'b' }), summary(1, { name: 'a' }));
    expect(before.monitorTree.rows.map((r) => r.id)).toEqual([1, 2]);
    const beaten = applyPushes(before, [
      ['heartbeat', beat(1, 0)],
      ['uptime', 2, 24, 0.5],
    ]);
    expect(beaten.monitorTree).toBe(before.monitorTree);
    const { status: _s, ping: _p, uptime24: _u, beats: _b, ...meta } = summary(1, { name: 'z' });
    const renamed = applyPushes(beaten, [['monitorMetaDelta', { upserts: [meta], removed: [] }]]);
    expect(renamed.monitorTree.rows.map((r) => r.id)).toEqual([2, 1]);
  });

  it('takes the 24-hour uptime into the summary and every period into the live stats', () => {
    const state = applyPushes(loaded(summary(1)), [
      ['uptime', 1, 24, 0.5],
      ['uptime', '1', 720, 0.75],
      ['avgPing', 1, 33],
      ['certInfo', 1, '{"valid":true}'],
    ]);
    expect(state.monitors.get(1)?.uptime24).toBe(0.5);
    expect(state.stats.get(1)).toEqual({
      uptime: { 24: 0.5, 720: 0.75 },
      avgPing: 33,
      certInfo: '{"valid":true}',
    });
  });

  it('ignores beats of monitors it does not know, keeping the state as it was', () => {
    const before = loaded(summary(1));
    expect(applyPushes(before, [['heartbeat', beat(99, 0)]])).toBe(before);
    expect(applyPushes(before, [])).toBe(before);
  });

  it('appends live beats only to watched monitors', () => {
    const first = beat(1, 1);
    const watched: DashboardState = {
      ...loaded(summary(1), summary(2)),
      watchedBeats: new Map([[1, [first]]]),
    };
    const next = beat(1, 0);
    const state = applyPushes(watched, [
      ['heartbeat', next],
      ['heartbeat', beat(2, 0)],
    ]);
    expect(state.watchedBeats.get(1)).toEqual([first, next]);
    expect(state.watchedBeats.has(2)).toBe(false);
  });

  it('keeps the feature lists as pushed', () => {
    const state = applyPushes(initialDashboardState, [
      ['proxyList', [{ id: 1 }]],
      ['statusPageList', { 1: { slug: 'main' } }],
    ]);
    expect(state.proxies).toEqual([{ id: 1 }]);
    expect(state.statusPages).toEqual({ 1: { slug: 'main' } });
  });
});

describe('signInBySummaries', () => {
  const loggedOut: DashboardState = {
    ...initialDashboardState,
    auth: { phase: 'loggedOut', username: null, notice: 'Logged out.' },
  };
  const summaries: DashboardPush[] = [['monitorSummaryList', [summary(1)]]];

  it('signs in when the summaries arrive while a login waits for its ack', () => {
    const state = signInBySummaries(loggedOut, summaries, { username: 'alice' });
    expect(state.auth).toEqual({ phase: 'loggedIn', username: 'alice', notice: null });
  });

  it('changes nothing without a login in flight, without summaries, or when signed in', () => {
    expect(signInBySummaries(loggedOut, summaries, null)).toBe(loggedOut);
    const beats: DashboardPush[] = [['heartbeat', beat(1, 1)]];
    expect(signInBySummaries(loggedOut, beats, { username: 'alice' })).toBe(loggedOut);
    const signedIn: DashboardState = {
      ...loggedOut,
      auth: { phase: 'loggedIn', username: 'bob', notice: null },
    };
    expect(signInBySummaries(signedIn, summaries, { username: 'alice' })).toBe(signedIn);
  });
});
