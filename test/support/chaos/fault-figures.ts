/** A beat as Postgres holds it once the run is over. */
export interface StoredBeat {
  monitorId: number;
  /** Epoch ms. */
  at: number;
  /** The beat's time as the wire spells it, to match what clients received. */
  wireTime: string;
}

/** A heartbeat push one of the run's Socket.IO clients received. */
export interface ReceivedBeat {
  client: string;
  monitorId: number;
  wireTime: string;
  /** Epoch ms of arrival. */
  receivedAt: number;
}

/** An alert the run's Postgres says must go out: a notification delivery row of a beat. */
export interface DueAlert {
  monitorId: number;
  wireTime: string;
  /** When the row was written (epoch ms). */
  at: number;
}

/** A webhook call the run's alert receiver got. */
export interface ReceivedAlert {
  monitorId: number;
  wireTime: string;
  receivedAt: number;
}

export interface FaultWindow {
  fault: string;
  /** When the fault was injected (epoch ms). */
  at: number;
  /** When the next fault was injected, or the run ended. */
  until: number;
}

export interface FaultFigures {
  fault: string;
  /** Beats a client was told of that Postgres does not hold (must be 0). */
  lost: number;
  /** Beats closer than half an interval to the previous one of their monitor (must be 0). */
  duplicates: number;
  /** The longest gap between two beats of one monitor, in intervals. */
  longestGap: number;
  /** Alerts due for beats of this window that never arrived (must be 0). */
  alertsLost: number;
  /** Alerts of this window that arrived more than once. */
  alertsTwice: number;
  /** Seconds from the fault until every monitor beats on schedule again (no missed slot after). */
  recoverySeconds: number;
  /** False when some monitor had not beaten again when the window ended (recovery is then a floor). */
  everyMonitorBack: boolean;
  /** Seconds from the fault until every client has received a fresh beat. */
  freshClientsSeconds: number;
}

/** The figures of one fault, from what Postgres holds and what the clients received. */
export interface RunRecord {
  stored: readonly StoredBeat[];
  received: readonly ReceivedBeat[];
  dueAlerts: readonly DueAlert[];
  receivedAlerts: readonly ReceivedAlert[];
  intervalMs: number;
  clients: readonly string[];
}

export function figuresOf(window: FaultWindow, run: RunRecord): FaultFigures {
  const { stored, received, intervalMs, clients } = run;
  const inWindow = (at: number) => at >= window.at && at < window.until;
  const storedKeys = new Set(stored.map((b) => `${b.monitorId}|${b.wireTime}`));
  const lost = received.filter(
    (r) => inWindow(r.receivedAt) && !storedKeys.has(`${r.monitorId}|${r.wireTime}`),
  ).length;

  let duplicates = 0;
  let longestGap = 0;
  let recoveryMs = 0;
  let everyMonitorBack = true;
  for (const beats of byMonitor(stored).values()) {
    let lastLate: number | null = null;
    let beatAfterFault = false;
    for (let i = 1; i < beats.length; i++) {
      const [previous, beat] = [beats[i - 1]!, beats[i]!];
      if (!inWindow(beat)) continue;
      const gap = beat - previous;
      beatAfterFault = true;
      if (gap < intervalMs / 2) duplicates++;
      // A gap that began well before this fault belongs to the one before.
      if (previous < window.at - 1.5 * intervalMs) continue;
      // Beyond two intervals a slot was missed. (A check off the grid, say the first after an
      // outage, is followed by the next grid slot at least half an interval later: up to
      // 1.5 intervals plus the check's own duration, and on schedule.)
      if (gap > 2 * intervalMs) lastLate = beat;
      longestGap = Math.max(longestGap, gap / intervalMs);
    }
    if (!beatAfterFault) {
      // Silent for the whole window: not back yet, and its gap is at least this long.
      everyMonitorBack = false;
      const lastBefore = beats.filter((at) => at < window.at).at(-1) ?? window.at;
      longestGap = Math.max(longestGap, (window.until - lastBefore) / intervalMs);
    }
    const recovered = beatAfterFault ? (lastLate ?? window.at) : window.until;
    recoveryMs = Math.max(recoveryMs, recovered - window.at);
  }

  let freshMs = 0;
  for (const client of clients) {
    const first = received.find((r) => r.client === client && inWindow(r.receivedAt));
    freshMs = Math.max(freshMs, (first?.receivedAt ?? window.until) - window.at);
  }
  const alertKey = (a: { monitorId: number; wireTime: string }) => `${a.monitorId}|${a.wireTime}`;
  const arrivals = new Map<string, number>();
  for (const a of run.receivedAlerts)
    arrivals.set(alertKey(a), (arrivals.get(alertKey(a)) ?? 0) + 1);
  const due = run.dueAlerts.filter((a) => inWindow(a.at));
  return {
    fault: window.fault,
    lost,
    duplicates,
    alertsLost: due.filter((a) => !arrivals.has(alertKey(a))).length,
    alertsTwice: due.filter((a) => (arrivals.get(alertKey(a)) ?? 0) > 1).length,
    longestGap: round(longestGap, 1),
    recoverySeconds: round(recoveryMs / 1000, 1),
    everyMonitorBack,
    freshClientsSeconds: round(freshMs / 1000, 1),
  };
}

function byMonitor(stored: readonly StoredBeat[]): Map<number, number[]> {
  const beats = new Map<number, number[]>();
  for (const b of stored) {
    const list = beats.get(b.monitorId) ?? [];
    list.push(b.at);
    beats.set(b.monitorId, list);
  }
  for (const list of beats.values()) list.sort((a, b) => a - b);
  return beats;
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** The one table `npm run chaos` prints. */
export function formatFiguresTable(rows: readonly FaultFigures[]): string {
  const header = [
    'fault',
    'lost',
    'duplicates',
    'alerts lost',
    'alerts twice',
    'longest gap',
    'recovery s',
    'fresh clients s',
  ];
  const lines = rows.map((r) => [
    r.fault,
    String(r.lost),
    String(r.duplicates),
    String(r.alertsLost),
    String(r.alertsTwice),
    `${r.longestGap}×`,
    r.everyMonitorBack ? String(r.recoverySeconds) : `> ${r.recoverySeconds}`,
    String(r.freshClientsSeconds),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const row = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [
    row(header),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...lines.map(row),
  ].join('\n');
}
