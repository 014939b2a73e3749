import { describe, expect, it } from 'vitest';
import { createOperatorRegistry, type OperatorRegistry } from '@watchpost/core/operator-metrics';
import { createMetricsWorkerObserver } from './metrics-worker-observer.js';

function setup() {
  const registry = createOperatorRegistry({ processMetrics: false });
  return { registry, observer: createMetricsWorkerObserver(registry) };
}

/** Every sample of a family, keyed by sample name and labels. */
async function samples(registry: OperatorRegistry, name: string): Promise<Map<string, number>> {
  const metric = registry.getSingleMetric(name);
  if (!metric) throw new Error(`${name} is not registered`);
  const { values } = await metric.get();
  return new Map(
    values.map((v) => {
      const labels = Object.entries(v.labels)
        .map(([key, value]) => `${key}=${String(value)}`)
        .join(',');
      // Histogram samples carry their own name (`…_bucket`, `…_sum`, `…_count`).
      const sample = (v as { metricName?: string }).metricName ?? name;
      return [`${sample}{${labels}}`, v.value];
    }),
  );
}

describe('createMetricsWorkerObserver', () => {
  it('records check durations in seconds by type and status', async () => {
    const { registry, observer } = setup();
    observer.checkFinished('http', 'up', 120);
    observer.checkFinished('http', 'up', 30);
    observer.checkFinished('port', 'down', 3000);

    const duration = await samples(registry, 'watchpost_check_duration_seconds');
    expect(duration.get('watchpost_check_duration_seconds_count{type=http,status=up}')).toBe(2);
    expect(duration.get('watchpost_check_duration_seconds_sum{type=http,status=up}')).toBeCloseTo(
      0.15,
    );
    expect(
      duration.get('watchpost_check_duration_seconds_bucket{le=0.05,type=http,status=up}'),
    ).toBe(1);
    expect(
      duration.get('watchpost_check_duration_seconds_bucket{le=0.25,type=http,status=up}'),
    ).toBe(2);
    expect(duration.get('watchpost_check_duration_seconds_count{type=port,status=down}')).toBe(1);
  });

  it('counts the check jobs handed back for their tenant’s cap', async () => {
    const { registry, observer } = setup();
    observer.checkDeferred();
    observer.checkDeferred();
    const deferred = await samples(registry, 'watchpost_checks_deferred_total');
    expect(deferred.get('watchpost_checks_deferred_total{}')).toBe(2);
  });

  it('counts checks by type and outcome, skipped ones included', async () => {
    const { registry, observer } = setup();
    observer.checkFinished('http', 'up', 1);
    observer.checkFinished('http', 'up', 1);
    observer.checkFinished('keyword', 'down', 1);
    observer.checkFinished('unknown', 'skipped', 0);

    expect(Object.fromEntries(await samples(registry, 'watchpost_checks_total'))).toEqual({
      'watchpost_checks_total{type=http,outcome=up}': 2,
      'watchpost_checks_total{type=keyword,outcome=down}': 1,
      'watchpost_checks_total{type=unknown,outcome=skipped}': 1,
    });
  });

  it('records scheduling lateness in seconds, an early start as zero', async () => {
    const { registry, observer } = setup();
    observer.checkStarted(40);
    observer.checkStarted(2500);
    observer.checkStarted(-15);

    const lateness = await samples(registry, 'watchpost_check_lateness_seconds');
    expect(lateness.get('watchpost_check_lateness_seconds_count{}')).toBe(3);
    expect(lateness.get('watchpost_check_lateness_seconds_sum{}')).toBeCloseTo(2.54);
    expect(lateness.get('watchpost_check_lateness_seconds_bucket{le=0.01}')).toBe(1);
    expect(lateness.get('watchpost_check_lateness_seconds_bucket{le=0.05}')).toBe(2);
    expect(lateness.get('watchpost_check_lateness_seconds_bucket{le=2.5}')).toBe(3);
  });

  it('records the size of each heartbeat write batch', async () => {
    const { registry, observer } = setup();
    observer.beatsWritten(1);
    observer.beatsWritten(500);

    const sizes = await samples(registry, 'watchpost_heartbeat_write_batch_size');
    expect(sizes.get('watchpost_heartbeat_write_batch_size_count{}')).toBe(2);
    expect(sizes.get('watchpost_heartbeat_write_batch_size_sum{}')).toBe(501);
    expect(sizes.get('watchpost_heartbeat_write_batch_size_bucket{le=1}')).toBe(1);
    expect(sizes.get('watchpost_heartbeat_write_batch_size_bucket{le=250}')).toBe(1);
    expect(sizes.get('watchpost_heartbeat_write_batch_size_bucket{le=500}')).toBe(2);
  });

  it('registers the notification deliveries family, still without samples', async () => {
    const { registry } = setup();
    const text = await registry.metrics();
    expect(text).toContain('# TYPE watchpost_notification_deliveries_total counter');
    expect(text).not.toMatch(/^watchpost_notification_deliveries_total/m);
  });
});
