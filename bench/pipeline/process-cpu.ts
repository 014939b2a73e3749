// CPU and memory of processes, read from /proc (Linux): utime + stime of /proc/<pid>/stat in
// clock ticks, VmRSS of /proc/<pid>/status. A group (every Postgres process) is the set of
// processes with one command name, found again at each sample: a backend that starts during
// the window counts from zero, one that exits before its end is lost.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export const CLOCK_TICKS_PER_SECOND = Number(
  execFileSync('getconf', ['CLK_TCK']).toString().trim(),
);

interface ProcStat {
  comm: string;
  cpuTicks: number;
}

function readStat(pid: number): ProcStat | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // The command name may hold spaces and parentheses: it ends at the last ')'.
  const close = text.lastIndexOf(')');
  const comm = text.slice(text.indexOf('(') + 1, close);
  // Fields after the name start at field 3 (state); utime and stime are fields 14 and 15.
  const fields = text.slice(close + 2).split(' ');
  return { comm, cpuTicks: Number(fields[11]) + Number(fields[12]) };
}

export function readRssBytes(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/**
 * Every process whose command name is `comm` (the name in /proc/<pid>/stat) and, if given,
 * whose command line holds `cmdlineHas`.
 */
export function findProcesses(comm: string, cmdlineHas?: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    if (readStat(Number(entry))?.comm !== comm) continue;
    if (cmdlineHas !== undefined && !readCmdline(Number(entry)).includes(cmdlineHas)) continue;
    pids.push(Number(entry));
  }
  return pids;
}

function readCmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}

/** What to sample: one process, a set of processes, or every process with one command name. */
export type CpuSubject =
  | { name: string; pid: number }
  | { name: string; pids: readonly number[] }
  | { name: string; comm: string };

export interface CpuSample {
  atMs: number;
  /** Ticks per pid, per subject name. */
  ticks: Map<string, Map<number, number>>;
}

export function sampleCpu(subjects: readonly CpuSubject[]): CpuSample {
  const ticks = new Map<string, Map<number, number>>();
  for (const subject of subjects) {
    const pids =
      'pid' in subject
        ? [subject.pid]
        : 'pids' in subject
          ? subject.pids
          : findProcesses(subject.comm);
    const perPid = new Map<number, number>();
    for (const pid of pids) {
      const stat = readStat(pid);
      if (stat) perPid.set(pid, stat.cpuTicks);
    }
    ticks.set(subject.name, perPid);
  }
  return { atMs: Date.now(), ticks };
}

export interface CpuUse {
  /** CPU seconds spent between the samples. */
  cpuSeconds: number;
  /** Processes seen at the end. */
  processes: number;
}

export function cpuBetween(start: CpuSample, end: CpuSample): Map<string, CpuUse> {
  const use = new Map<string, CpuUse>();
  for (const [name, endTicks] of end.ticks) {
    const startTicks = start.ticks.get(name) ?? new Map<number, number>();
    let ticks = 0;
    for (const [pid, at] of endTicks) ticks += at - (startTicks.get(pid) ?? 0);
    use.set(name, { cpuSeconds: ticks / CLOCK_TICKS_PER_SECOND, processes: endTicks.size });
  }
  return use;
}

/** Busy and total CPU time of the whole machine (first line of /proc/stat), in ticks. */
export function readMachineCpu(): { busy: number; total: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1);
  const values = fields.map(Number);
  // user nice system idle iowait irq softirq steal …: idle and iowait are not busy.
  const total = values.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: total - values[3]! - values[4]!, total };
}
