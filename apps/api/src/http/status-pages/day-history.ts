import type { BarSegment } from './history-bar.js';
import { shortDay } from './utc-dates.js';

/** How many days the long history shows, as hosted status pages do. */
export const HISTORY_DAYS = 90;
const DAY_MS = 86_400_000;
// A day below this share of good checks is drawn as an outage, above it as a blip.
const OUTAGE_BELOW = 0.99;

export interface HistoryDay {
  /** Midnight UTC that starts the day. */
  day: Date;
  up: number;
  down: number;
}

export interface HistoryIncident {
  title: string;
  createdAt: Date;
}

const isoDay = (time: Date) => time.toISOString().slice(0, 10);

/** `99.95%`: two decimals, as Kuma's uptime pill, without trailing zeros. */
export function formatPercent(ratio: number): string {
  return `${Math.round(ratio * 10_000) / 100}%`;
}

interface DayCell {
  /** `Dec 7`. */
  date: string;
  look: BarSegment['look'];
  detail: string;
  /** A plain day (all up, or no data) that may share a segment with its plain neighbours. */
  plain: boolean;
}

function dayCell(
  date: string,
  stats: HistoryDay | undefined,
  incidents: readonly string[],
): DayCell {
  const total = (stats?.up ?? 0) + (stats?.down ?? 0);
  const ratio = total === 0 ? undefined : (stats?.up ?? 0) / total;
  const look = ratio === undefined ? 'e' : ratio === 1 ? 'u' : ratio < OUTAGE_BELOW ? 'd' : 'p';
  const parts = [ratio === undefined ? 'no data' : `${formatPercent(ratio)} up`];
  if (stats && stats.down > 0) {
    parts.push(`${stats.down} failed ${stats.down === 1 ? 'check' : 'checks'}`);
  }
  if (incidents.length > 0) parts.push(`incident: ${incidents.join('; ')}`);
  return {
    date,
    look,
    detail: parts.join(', '),
    plain: incidents.length === 0 && (look === 'u' || look === 'e'),
  };
}

/** `Sep 9–18` within a month, `Oct 18 – Dec 7` across months. */
function dayRange(from: string, to: string): string {
  const [fromMonth] = from.split(' ');
  const [toMonth, toDay] = to.split(' ');
  return fromMonth === toMonth ? `${from}–${toDay}` : `${from} – ${to}`;
}

/**
 * The last `HISTORY_DAYS` UTC days up to `now`'s, oldest first, one slot a day, from the
 * daily aggregates. Each day's label gives its uptime, failed checks and the incidents
 * given for that day; neighbouring plain days share one segment and one label.
 */
export function daySegments(
  days: readonly HistoryDay[],
  incidents: readonly HistoryIncident[],
  now: Date,
): BarSegment[] {
  const byDay = new Map(days.map((d) => [isoDay(d.day), d]));
  const incidentsByDay = new Map<string, string[]>();
  for (const incident of incidents) {
    const key = isoDay(incident.createdAt);
    incidentsByDay.set(key, [...(incidentsByDay.get(key) ?? []), incident.title]);
  }
  const today = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  const cells: DayCell[] = [];
  for (let i = HISTORY_DAYS - 1; i >= 0; i--) {
    const day = new Date(today - i * DAY_MS);
    const key = isoDay(day);
    cells.push(dayCell(shortDay(day), byDay.get(key), incidentsByDay.get(key) ?? []));
  }
  const segments: BarSegment[] = [];
  let runStart = 0;
  for (let i = 1; i <= cells.length; i++) {
    const first = cells[runStart];
    const next = cells[i];
    if (!first) break;
    if (next && first.plain && next.plain && next.look === first.look) continue;
    const last = cells[i - 1] ?? first;
    const dates = i - runStart === 1 ? first.date : dayRange(first.date, last.date);
    segments.push({
      look: first.look,
      span: i - runStart,
      label: `${dates}: ${first.detail}`,
      ...(first.plain && { quiet: true }),
    });
    runStart = i;
  }
  return segments;
}

/** The share of good checks over the whole history, undefined without any. */
export function historyUptime(days: readonly HistoryDay[]): number | undefined {
  let up = 0;
  let down = 0;
  for (const d of days) {
    up += d.up;
    down += d.down;
  }
  return up + down === 0 ? undefined : up / (up + down);
}

/** Several monitors' days added up per day: the page's history as a whole. */
export function sumDays(histories: Iterable<readonly HistoryDay[]>): HistoryDay[] {
  const byDay = new Map<number, HistoryDay>();
  for (const days of histories) {
    for (const d of days) {
      const sum = byDay.get(d.day.getTime());
      if (sum) {
        sum.up += d.up;
        sum.down += d.down;
      } else byDay.set(d.day.getTime(), { ...d });
    }
  }
  return [...byDay.values()].sort((a, b) => a.day.getTime() - b.day.getTime());
}
