import { describe, expect, it } from 'vitest';
import { figuresOf, formatFiguresTable, type StoredBeat } from './fault-figures.js';

const beat = (monitorId: number, at: number): StoredBeat => ({ monitorId, at, wireTime: `t${at}` });
const window = { fault: 'kill worker', at: 10_000, until: 30_000 };

describe('figuresOf', () => {
  it('finds nothing wrong in beats one interval apart that every client saw', () => {
    const stored = [0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28].map((s) =>
      beat(1, s * 1000),
    );
    const received = stored.map((b) => ({
      client: 'a',
      monitorId: 1,
      wireTime: b.wireTime,
      receivedAt: b.at + 5,
    }));
    const run = {
      stored,
      received,
      dueAlerts: [],
      receivedAlerts: [],
      intervalMs: 2000,
      clients: ['a'],
    };
    expect(figuresOf(window, run)).toEqual({
      fault: 'kill worker',
      lost: 0,
      duplicates: 0,
      alertsLost: 0,
      alertsTwice: 0,
      longestGap: 1,
      recoverySeconds: 0,
      everyMonitorBack: true,
      freshClientsSeconds: 0,
    });
  });

  it('counts a told beat missing from Postgres, a doubled slot, the gap and the recovery', () => {
    const stored = [8_000, 10_000, 17_000, 17_200, 19_000, 21_000].map((at) => beat(1, at));
    const received = [
      { client: 'a', monitorId: 1, wireTime: 't17000', receivedAt: 17_010 },
      { client: 'a', monitorId: 1, wireTime: 'never stored', receivedAt: 18_000 },
    ];
    const run = {
      stored,
      received,
      dueAlerts: [],
      receivedAlerts: [],
      intervalMs: 2000,
      clients: ['a', 'b'],
    };
    expect(figuresOf(window, run)).toEqual({
      fault: 'kill worker',
      lost: 1,
      duplicates: 1,
      alertsLost: 0,
      alertsTwice: 0,
      longestGap: 3.5,
      recoverySeconds: 7,
      everyMonitorBack: true,
      // Client b never heard a beat: the whole window.
      freshClientsSeconds: 20,
    });
  });

  it('says when a monitor was still silent as the window ended', () => {
    const stored = [6_000, 8_000].map((at) => beat(1, at));
    const run = {
      stored,
      received: [],
      dueAlerts: [],
      receivedAlerts: [],
      intervalMs: 2000,
      clients: [],
    };
    expect(figuresOf(window, run)).toMatchObject({
      everyMonitorBack: false,
      recoverySeconds: 20,
      longestGap: 11,
    });
  });

  it('counts alerts of the window that never arrived and those that arrived twice', () => {
    const dueAlerts = [
      { monitorId: 1, wireTime: 'a', at: 12_000 },
      { monitorId: 1, wireTime: 'b', at: 14_000 },
      { monitorId: 1, wireTime: 'c', at: 16_000 },
      // Before the window: another fault's.
      { monitorId: 1, wireTime: 'z', at: 1_000 },
    ];
    const arrived = (wireTime: string) => ({ monitorId: 1, wireTime, receivedAt: 20_000 });
    const run = {
      stored: [],
      received: [],
      dueAlerts,
      receivedAlerts: [arrived('a'), arrived('b'), arrived('b')],
      intervalMs: 2000,
      clients: [],
    };
    expect(figuresOf(window, run)).toMatchObject({ alertsLost: 1, alertsTwice: 1 });
  });

  it('prints one row per fault under one header', () => {
    const table = formatFiguresTable([
      {
        fault: 'kill worker',
        lost: 0,
        duplicates: 0,
        alertsLost: 0,
        alertsTwice: 1,
        longestGap: 1.5,
        recoverySeconds: 3,
        everyMonitorBack: true,
        freshClientsSeconds: 2,
      },
    ]);
    expect(table.split('\n')).toHaveLength(3);
    expect(table).toContain(
      '| kill worker | 0    | 0          | 0           | 1            | 1.5×',
    );
  });
});
