import { describe, expect, it } from 'vitest';
import { daySegments, formatPercent, HISTORY_DAYS, historyUptime } from './day-history.js';

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
      { look: 'e', span: 83, label: '2026-09-09 – 2026-11-30: no data, no incidents' },
      { look: 'u', span: 1, label: '2026-12-01: 100% up, no incidents' },
      { look: 'p', span: 1, label: '2026-12-02: 99.31% up, 10 failed checks, no incidents' },
      { look: 'u', span: 1, label: '2026-12-03: 100% up, no incidents' },
      { look: 'e', span: 4, label: '2026-12-04 – 2026-12-07: no data, no incidents' },
    ]);
  });

  it("draws a bad day as down and names the page's incidents of that day", () => {
    const segments = daySegments(
      [day('2026-12-06', 100, 50), day('2026-12-07', 10)],
      [{ title: 'DB failover', createdAt: new Date('2026-12-07T09:30:00Z') }],
      NOW,
    );
    expect(segments.slice(-2)).toEqual([
      { look: 'd', span: 1, label: '2026-12-06: 66.67% up, 50 failed checks, no incidents' },
      { look: 'u', span: 1, label: '2026-12-07: 100% up, incident: DB failover' },
    ]);
  });

  it('sums the whole history into one uptime figure', () => {
    expect(historyUptime([day('2026-12-01', 99, 1), day('2026-12-02', 100)])).toBe(199 / 200);
    expect(historyUptime([])).toBeUndefined();
    expect(formatPercent(199 / 200)).toBe('99.5%');
  });
});
