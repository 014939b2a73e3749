import { describe, expect, it } from 'vitest';
import { daySegments, formatPercent, HISTORY_DAYS, historyUptime, sumDays } from './day-history.js';

const NOW = new Date('2026-12-07T15:00:00Z');
const day = (iso: string, up: number, down = 0) => ({
  day: new Date(`${iso}T00:00:00Z`),
  up,
  down,
});

describe('daySegments', () => {
  it('shows HISTORY_DAYS days, merging plain days and labelling each outage day on its own', () => {
    const days = [day('2026-12-01', 1440), day('2026-12-02', 1430, 10), day('2026-12-03', 1440)];
    const segments = daySegments(days, [], NOW);
    expect(segments.reduce((n, s) => n + s.span, 0)).toBe(HISTORY_DAYS);
    expect(segments).toEqual([
      { look: 'e', span: 83, label: 'Sep 9 – Nov 30: no data', quiet: true },
      { look: 'u', span: 1, label: 'Dec 1: 100% up', quiet: true },
      { look: 'p', span: 1, label: 'Dec 2: 99.31% up, 10 failed checks' },
      { look: 'u', span: 1, label: 'Dec 3: 100% up', quiet: true },
      { look: 'e', span: 4, label: 'Dec 4–7: no data', quiet: true },
    ]);
  });

  it("draws a bad day as down and names the page's incidents of that day", () => {
    const segments = daySegments(
      [day('2026-12-06', 100, 50), day('2026-12-07', 10)],
      [{ title: 'DB failover', createdAt: new Date('2026-12-07T09:30:00Z') }],
      NOW,
    );
    expect(segments.slice(-2)).toEqual([
      { look: 'd', span: 1, label: 'Dec 6: 66.67% up, 50 failed checks' },
      { look: 'u', span: 1, label: 'Dec 7: 100% up, incident: DB failover' },
    ]);
  });

  it("adds monitors' days up per day for the page's own history", () => {
    expect(
      sumDays([[day('2026-12-01', 10, 1), day('2026-12-02', 5)], [day('2026-12-02', 3, 2)]]),
    ).toEqual([day('2026-12-01', 10, 1), day('2026-12-02', 8, 2)]);
  });

  it('sums the whole history into one uptime figure', () => {
    expect(historyUptime([day('2026-12-01', 99, 1), day('2026-12-02', 100)])).toBe(199 / 200);
    expect(historyUptime([])).toBeUndefined();
    expect(formatPercent(199 / 200)).toBe('99.5%');
  });
});
