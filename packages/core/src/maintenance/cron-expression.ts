// A small matcher for the 5-field cron syntax maintenance windows use (minute hour
// day-of-month month day-of-week). Written here rather than taken from a package: the
// project adds no dependency for it, and windows only need "does this minute match".
// Supported: `*`, numbers, ranges `a-b`, steps `*/n` and `a-b/n`, lists, `L` (last day of
// the month, what Kuma's `lastDay1` becomes) and 7 as another Sunday. Names (`MON`, `JAN`)
// and `?` are not supported and are refused with a clear message.

export interface CronExpression {
  minutes: ReadonlySet<number>;
  hours: ReadonlySet<number>;
  daysOfMonth: ReadonlySet<number>;
  /** `L` in the day-of-month field. */
  lastDayOfMonth: boolean;
  months: ReadonlySet<number>;
  /** 0 = Sunday … 6 = Saturday. */
  weekdays: ReadonlySet<number>;
  /** Cron's rule: when both day fields are restricted, a day matching either one counts. */
  dayOfMonthRestricted: boolean;
  dayOfWeekRestricted: boolean;
}

export class CronSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CronSyntaxError';
  }
}

interface FieldSpec {
  name: string;
  min: number;
  max: number;
}

const FIELDS: readonly FieldSpec[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12 },
  { name: 'day of week', min: 0, max: 7 },
];

export function parseCron(text: string): CronExpression {
  const parts = text.trim().split(/\s+/);
  if (parts.length !== 5) {
    throw new CronSyntaxError(`Cron expression must have 5 fields, got ${parts.length}.`);
  }
  const [minute, hour, dom, month, dow] = parts as [string, string, string, string, string];
  const domItems = dom.split(',');
  const lastDayOfMonth = domItems.includes('L');
  const domRest = domItems.filter((item) => item !== 'L');
  const weekdays = new Set([...parseField(dow, FIELDS[4]!)].map((d) => d % 7));
  return {
    minutes: parseField(minute, FIELDS[0]!),
    hours: parseField(hour, FIELDS[1]!),
    daysOfMonth: domRest.length > 0 ? parseField(domRest.join(','), FIELDS[2]!) : new Set(),
    lastDayOfMonth,
    months: parseField(month, FIELDS[3]!),
    weekdays,
    dayOfMonthRestricted: dom !== '*',
    dayOfWeekRestricted: dow !== '*',
  };
}

function parseField(text: string, spec: FieldSpec): Set<number> {
  const values = new Set<number>();
  for (const item of text.split(',')) {
    const match = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(item);
    if (!match) throw new CronSyntaxError(`Invalid ${spec.name} field "${text}".`);
    const [, range, from, to, step] = match;
    let low = spec.min;
    let high = spec.max;
    if (range !== '*') {
      low = Number(from);
      // `5/15` means from 5 to the end in steps of 15, as in Vixie cron.
      high = to !== undefined ? Number(to) : step !== undefined ? spec.max : low;
    }
    const stride = step === undefined ? 1 : Number(step);
    if (low < spec.min || high > spec.max || low > high || stride < 1) {
      throw new CronSyntaxError(`Invalid ${spec.name} field "${text}".`);
    }
    for (let v = low; v <= high; v += stride) values.add(v);
  }
  return values;
}

/** Whether the calendar day of a local reading (see zoned-time) matches the day fields. */
export function cronMatchesDay(cron: CronExpression, local: number): boolean {
  const date = new Date(local);
  if (!cron.months.has(date.getUTCMonth() + 1)) return false;
  const day = date.getUTCDate();
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  const domMatch = cron.daysOfMonth.has(day) || (cron.lastDayOfMonth && day === lastDay);
  const dowMatch = cron.weekdays.has(date.getUTCDay());
  if (cron.dayOfMonthRestricted && cron.dayOfWeekRestricted) return domMatch || dowMatch;
  if (cron.dayOfMonthRestricted) return domMatch;
  if (cron.dayOfWeekRestricted) return dowMatch;
  return true;
}

/** The matching times of day, in minutes after local midnight, ascending. */
export function cronMinutesOfDay(cron: CronExpression): number[] {
  const result: number[] = [];
  for (const h of [...cron.hours].sort((a, b) => a - b)) {
    for (const m of [...cron.minutes].sort((a, b) => a - b)) result.push(h * 60 + m);
  }
  return result;
}
