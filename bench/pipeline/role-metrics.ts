// The roles' own counters, scraped from their operator metrics endpoint (OPERATOR_METRICS_PORT)
// at both ends of the window: how many checks the workers ran and deferred, how many the
// scheduler claimed, how large the beat batches were. They explain the per-check counts: a
// pipeline that defers or re-claims checks does more work per check that reaches the target.

/** Counter and histogram series, summed over their labels, by metric name. */
export type RoleCounters = Map<string, number>;

const WANTED = [
  'watchpost_checks_total',
  'watchpost_checks_deferred_total',
  'watchpost_scheduler_claimed_checks_total',
  'watchpost_heartbeat_write_batch_size_sum',
  'watchpost_heartbeat_write_batch_size_count',
];

export async function scrapeRoleCounters(metricsUrls: readonly string[]): Promise<RoleCounters> {
  const sums: RoleCounters = new Map();
  for (const url of metricsUrls) {
    const text = await fetch(url).then(
      (r) => (r.ok ? r.text() : ''),
      () => '',
    );
    for (const line of text.split('\n')) {
      const match = /^([a-z_]+)(?:\{[^}]*\})? ([0-9.e+-]+)$/.exec(line);
      if (!match || !WANTED.includes(match[1]!)) continue;
      sums.set(match[1]!, (sums.get(match[1]!) ?? 0) + Number(match[2]));
    }
  }
  return sums;
}

export interface PipelineCounters {
  checksRun: number | null;
  checksDeferred: number | null;
  checksClaimed: number | null;
  averageBeatBatch: number | null;
}

export function pipelineCountersBetween(start: RoleCounters, end: RoleCounters): PipelineCounters {
  const delta = (name: string) =>
    end.has(name) ? (end.get(name) ?? 0) - (start.get(name) ?? 0) : null;
  const batchSum = delta('watchpost_heartbeat_write_batch_size_sum');
  const batches = delta('watchpost_heartbeat_write_batch_size_count');
  return {
    checksRun: delta('watchpost_checks_total'),
    checksDeferred: delta('watchpost_checks_deferred_total'),
    checksClaimed: delta('watchpost_scheduler_claimed_checks_total'),
    averageBeatBatch: batchSum !== null && batches ? batchSum / batches : null,
  };
}
