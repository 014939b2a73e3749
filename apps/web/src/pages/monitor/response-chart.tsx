import { useEffect, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { Button } from '../../components/button.js';
import { request } from '../../lib/dashboard-client.js';
import { errorMessage } from '../../lib/emit-with-ack.js';
import { formatPing } from '../../lib/format.js';
import { strings } from '../../strings.js';

const t = strings.monitor.page;

const RANGES = [
  { hours: 24, label: t.range24h },
  { hours: 168, label: t.range7d },
  { hours: 720, label: t.range30d },
] as const;

interface ChartPoint {
  timestamp: number;
  avgPing: number | null;
  minPing: number | null;
  maxPing: number | null;
}

/** A CSS custom property's value, for the canvas (which cannot read `var(--…)`). */
function cssColor(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#888';
}

/**
 * The response-time chart of one monitor, drawn by uPlot from the aggregates
 * (`getMonitorChartData`, docs/protocol/monitors.md#getmonitorchartdata), never from raw beats.
 * `refreshKey` (the latest beat's time) changes with each beat, so the chart follows the checks.
 */
export function ResponseChart({
  monitorId,
  refreshKey,
}: {
  monitorId: number;
  refreshKey: string;
}) {
  const [hours, setHours] = useState<number>(24);
  const [points, setPoints] = useState<ChartPoint[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let cancelled = false;
    request('getMonitorChartData', monitorId, hours)
      .then((answer) => {
        if (cancelled) return;
        setPoints(answer.data as ChartPoint[]);
        setError(null);
      })
      .catch((failure: unknown) => !cancelled && setError(errorMessage(failure)));
    return () => {
      cancelled = true;
    };
  }, [monitorId, hours, refreshKey]);

  useEffect(() => {
    const element = box.current;
    if (!element || !points || points.length === 0) return;
    const line = cssColor('--primary');
    const band = cssColor('--text-muted');
    const axis = { stroke: cssColor('--text-muted'), grid: { stroke: cssColor('--border') } };
    const plot = new uPlot(
      {
        width: element.clientWidth,
        height: 220,
        series: [
          {},
          { label: t.chartAverage, stroke: line, width: 2, spanGaps: false },
          { label: t.chartMin, stroke: band, dash: [4, 4] },
          { label: t.chartMax, stroke: band, dash: [4, 4] },
        ],
        axes: [axis, { ...axis, size: 64, values: (_u, ticks) => ticks.map((v) => formatPing(v)) }],
      },
      [
        points.map((p) => p.timestamp),
        points.map((p) => p.avgPing),
        points.map((p) => p.minPing),
        points.map((p) => p.maxPing),
      ],
      element,
    );
    const resize = new ResizeObserver(() =>
      plot.setSize({ width: element.clientWidth, height: 220 }),
    );
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [points]);

  const pinged = (points ?? []).filter((p) => p.avgPing !== null);
  const average =
    pinged.length === 0
      ? null
      : pinged.reduce((sum, p) => sum + (p.avgPing ?? 0), 0) / pinged.length;

  return (
    <section aria-labelledby="chart-title" className="stack">
      <h2 id="chart-title" className="card-title">
        {t.chart}
      </h2>
      <div className="segmented" role="group" aria-label={t.chartRange}>
        {RANGES.map((range) => (
          <Button
            key={range.hours}
            aria-pressed={hours === range.hours}
            onClick={() => setHours(range.hours)}
          >
            {range.label}
          </Button>
        ))}
      </div>
      {error && <p className="field-error">{error}</p>}
      {points === null && !error && <p>{strings.common.loading}</p>}
      {points?.length === 0 && <p>{t.chartEmpty}</p>}
      {points && points.length > 0 && (
        <>
          <div
            ref={box}
            className="chart"
            role="img"
            aria-label={t.chartSummary(points.length, formatPing(average))}
          />
        </>
      )}
    </section>
  );
}
