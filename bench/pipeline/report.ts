// The benchmark's printout: a table for people, then the same figures as one JSON line.
import type { ChecksInWindow } from './access-log.js';
import type { LoginProbeResult } from './login-probe.js';
import type { PipelineCounters } from './role-metrics.js';
import type { CountersPerCheck } from './server-counters.js';

export interface ProcessFigures {
  name: string;
  /** Counted in the total: the roles, Postgres, Redis. Not: the target, the benchmark. */
  counted: boolean;
  processes: number;
  cpuSeconds: number;
  rssBytes: number | null;
}

export interface PipelineReport {
  setup: Record<string, string | number | boolean>;
  machine: {
    loadAverageBefore: string;
    loadAverageAfter: string;
    busyCores: number;
    cores: number;
  };
  windowSeconds: number;
  checks: ChecksInWindow;
  processes: ProcessFigures[];
  totalCpuMsPerCheck: number;
  counters: CountersPerCheck | null;
  heartbeats: {
    rows: number;
    bytes: number;
    bytesPerBeat: number;
    bytesPerDay: number;
    statRows: number;
    statBytes: number;
  } | null;
  /** From the roles' own metrics. */
  pipeline: PipelineCounters;
  loginProbe: LoginProbeResult | null;
}

const ms = (n: number | null | undefined) =>
  n == null || Number.isNaN(n) ? '–' : `${n.toFixed(0)} ms`;
const mb = (n: number | null | undefined) =>
  n == null ? '–' : `${(n / 1024 / 1024).toFixed(1)} MB`;
const pad = (s: string, n: number) => s.padEnd(n);
const lpad = (s: string, n: number) => s.padStart(n);

export function printReport(report: PipelineReport): void {
  const { checks, windowSeconds } = report;
  const lines: string[] = [];
  lines.push(
    Object.entries(report.setup)
      .map(([k, v]) => `${k}=${v}`)
      .join(' '),
  );
  lines.push(
    `machine: ${report.machine.cores} cores, ${report.machine.busyCores.toFixed(2)} busy on average in the window ` +
      `(everything on the machine); load average before ${report.machine.loadAverageBefore}, after ${report.machine.loadAverageAfter}`,
  );
  lines.push('');
  const share = (checks.checksPerSecond / checks.expectedPerSecond) * 100;
  lines.push(
    `checks/s          ${checks.checksPerSecond.toFixed(1)} achieved, ${checks.expectedPerSecond.toFixed(1)} expected (${share.toFixed(1)} %), ${checks.checks} checks in ${windowSeconds.toFixed(1)} s`,
  );
  const e = checks.intervalErrorMs;
  lines.push(
    `interval error    p50 ${ms(e.p50)}  p99 ${ms(e.p99)}  max ${ms(e.max)}  (${e.gaps} gaps, at the target)`,
  );
  lines.push(
    `missed slots      ${checks.missedSlots} slots, ${checks.monitorsMissing} monitors missed at least one, ${checks.monitorsSilent} never checked in the window`,
  );
  lines.push('');
  lines.push(
    `${pad('process', 36)}${lpad('CPU cores', 10)}${lpad('ms/check', 10)}${lpad('RSS', 10)}`,
  );
  const perCheck = (cpuSeconds: number) => (cpuSeconds * 1000) / Math.max(1, checks.checks);
  const row = (name: string, cpuSeconds: number, rss: number | null) =>
    `${pad(name, 36)}${lpad((cpuSeconds / windowSeconds).toFixed(3), 10)}${lpad(perCheck(cpuSeconds).toFixed(3), 10)}${lpad(rss === null ? '–' : mb(rss), 10)}`;
  const counted = report.processes.filter((p) => p.counted);
  for (const p of counted) {
    lines.push(
      row(
        p.processes > 1 ? `${p.name} (${p.processes} processes)` : p.name,
        p.cpuSeconds,
        p.rssBytes,
      ),
    );
  }
  const total = counted.reduce((sum, p) => sum + p.cpuSeconds, 0);
  lines.push(row('TOTAL (counted)', total, null));
  for (const p of report.processes.filter((p) => !p.counted)) {
    const name = p.processes > 1 ? `${p.name} (${p.processes})` : p.name;
    lines.push(row(`${name}, not counted`, p.cpuSeconds, p.rssBytes));
  }
  const p = report.pipeline;
  const count = (n: number | null) => (n === null ? '–' : n.toFixed(0));
  lines.push('');
  lines.push(
    `roles' metrics: ${count(p.checksRun)} checks run, ${count(p.checksDeferred)} deferred (tenant fairness), ` +
      `${count(p.checksClaimed)} claimed by the scheduler; beat batches of ${p.averageBeatBatch?.toFixed(1) ?? '–'} on average`,
  );
  if (report.counters) {
    const c = report.counters;
    lines.push('');
    lines.push(
      `per check: Redis ${c.redisCommands} commands (${Object.entries(c.redisTop)
        .map(([name, n]) => `${name} ${n}`)
        .join(
          ', ',
        )}); ${report.setup.ownRedis ? 'own server' : "shared server: everyone's commands"}`,
    );
    lines.push(
      `per second: Redis ${c.perSecond.redisCommands} commands, Postgres ${c.perSecond.postgresTransactions ?? '–'} transactions`,
    );
    if (c.postgres) {
      const p = c.postgres;
      lines.push(
        `per check: Postgres ${p.transactions} transactions, rows inserted ${p.rowsInserted}, updated ${p.rowsUpdated}, deleted ${p.rowsDeleted}, fetched ${p.rowsFetched} (this database)`,
      );
    }
  }
  if (report.heartbeats) {
    const h = report.heartbeats;
    lines.push(
      `heartbeats: ${h.rows} rows in ${mb(h.bytes)} (partitions, indexes included); ${h.bytesPerBeat.toFixed(0)} bytes/beat; ` +
        `${(h.bytesPerDay / 1024 ** 3).toFixed(2)} GB a day at ${checks.expectedPerSecond.toFixed(0)} checks/s; ` +
        `aggregates ${h.statRows} rows in ${mb(h.statBytes)}`,
    );
  }
  if (report.loginProbe) {
    const p = report.loginProbe;
    lines.push(
      `login probe (Kuma client, full burst, compression offered): ack ${ms(p.loginAckMs)}${p.ok ? '' : ` FAILED: ${p.msg}`}; ` +
        `monitorList ${ms(p.monitorListMs)} (${mb(p.monitorListWireBytes)} on the wire, ${mb(p.monitorListJsonBytes)} JSON); ` +
        `every list ${ms(p.everyListMs)}; ${mb(p.wireBytes)} on the wire in all`,
    );
  }
  console.log(lines.join('\n'));
  console.log(JSON.stringify({ bench: 'pipeline', ...report }));
}
