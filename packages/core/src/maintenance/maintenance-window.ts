import {
  cronMatchesDay,
  cronMinutesOfDay,
  parseCron,
  type CronExpression,
} from './cron-expression.js';
import {
  effectiveTimeZone,
  type MaintenanceSchedule,
  type MaintenanceStatus,
  type ZonedMaintenanceSchedule,
} from './maintenance.js';
import { fromLocal, isValidTimeZone, parseLocalDateTime, toLocal } from './zoned-time.js';

// The pure decision of docs/protocol/maintenance.md#maintenance-object / docs/protocol/monitoring.md#maintenance-effect: given a window's stored fields and an instant, is it
// open, and which slots does it show. Computed from the stored fields alone, so every worker
// and API node reaches the same answer with no scheduler state (docs/protocol/monitoring.md#distributed-state).

const DAY_MS = 86_400_000;
// Around a DST change a local reading and its instant are out of order by at most the size of
// the jump (one hour almost everywhere, two in Antarctica's Troll); readings further from
// `now` than this are decided without converting them.
const SLACK_MS = 2 * 3_600_000;
// How far ahead the next slot is searched; covers a leap-day-only cron (every 4 years).
const LOOKAHEAD_DAYS = 366 * 5;

export interface Timeslot {
  start: number;
  end: number;
}

export interface MaintenanceWindowState {
  status: MaintenanceStatus;
  /** The slot `now` is in, if any (recurring and cron strategies only). */
  current: Timeslot | null;
  /** The next slot starting after `now`, when asked for (recurring and cron only). */
  next: Timeslot | null;
}

export interface WindowOptions {
  /** Also search the next slot; the worker only needs `status` and skips that cost. */
  withNext?: boolean;
}

/** docs/protocol/maintenance.md#maintenance-object status rules at `now` (epoch ms). */
export function maintenanceWindowAt(
  m: ZonedMaintenanceSchedule,
  now: number,
  options: WindowOptions = {},
): MaintenanceWindowState {
  const none = (status: MaintenanceStatus): MaintenanceWindowState => ({
    status,
    current: null,
    next: null,
  });
  if (!m.active) return none('inactive');
  if (m.strategy === 'manual') return none('under-maintenance');

  const zoneOption = effectiveTimeZone(m);
  const zone = isValidTimeZone(zoneOption) ? zoneOption : 'UTC';
  const start = boundInstant(m.startDate, zone);
  const end = boundInstant(m.endDate, zone);
  if (start !== null && now < start) {
    if (m.strategy === 'single' || !options.withNext) return none('scheduled');
  }
  if (end !== null && now >= end) return none('ended');
  if (m.strategy === 'single') {
    return none(start !== null && now < start ? 'scheduled' : 'under-maintenance');
  }

  const plan = planOf(m, zone);
  if (!plan) return none('unknown');
  const bounds = { start, end };
  const current = start !== null && now < start ? null : currentSlot(plan, bounds, now);
  const notYet = start !== null && now < start;
  const next = options.withNext ? nextSlot(plan, bounds, notYet ? start : now, notYet) : null;
  return { status: current ? 'under-maintenance' : 'scheduled', current, next };
}

export function isUnderMaintenance(m: ZonedMaintenanceSchedule, now: number): boolean {
  return maintenanceWindowAt(m, now).status === 'under-maintenance';
}

function boundInstant(text: string | null, zone: string): number | null {
  if (!text) return null;
  const local = parseLocalDateTime(text);
  return local === null ? null : fromLocal(local, zone);
}

/** When slots start, as local readings per local day, and how long each lasts. */
interface Plan {
  zone: string;
  durationMs: number;
  /** Local readings (see zoned-time) of the starts on the local day beginning at `dayStart`. */
  startsOn(dayStart: number): number[];
}

function planOf(m: MaintenanceSchedule, zone: string): Plan | null {
  const durationMs = Math.max(0, m.duration ?? 0) * 1000;
  if (m.strategy === 'recurring-interval') {
    const time = parseTimeOfDay(m.startTime);
    const every = m.intervalDay ?? 0;
    if (time === null || every < 1) return null;
    // Counted in whole local days from the start date; without one, from 1970-01-01.
    const anchor = dayStartOf(parseLocalDateTime(m.startDate ?? '') ?? 0);
    return {
      zone,
      durationMs,
      startsOn: (dayStart) => {
        const days = Math.round((dayStart - anchor) / DAY_MS);
        return days >= 0 && days % every === 0 ? [dayStart + time] : [];
      },
    };
  }
  let cron: CronExpression;
  try {
    cron = parseCron(m.cron ?? '');
  } catch {
    return null;
  }
  const minutes = cronMinutesOfDay(cron);
  return {
    zone,
    durationMs,
    startsOn: (dayStart) =>
      cronMatchesDay(cron, dayStart) ? minutes.map((min) => dayStart + min * 60_000) : [],
  };
}

function parseTimeOfDay(text: string | null): number | null {
  const match = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text ?? '');
  if (!match) return null;
  return (Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3] ?? 0)) * 1000;
}

function dayStartOf(local: number): number {
  return Math.floor(local / DAY_MS) * DAY_MS;
}

interface Bounds {
  start: number | null;
  end: number | null;
}

function allowed(instant: number, bounds: Bounds): boolean {
  return (
    (bounds.start === null || instant >= bounds.start) &&
    (bounds.end === null || instant < bounds.end)
  );
}

/**
 * The slot covering `now`: the latest start at or before `now`, if it lasts past `now`.
 * Slots all last the same, so an earlier start cannot reach further.
 */
function currentSlot(plan: Plan, bounds: Bounds, now: number): Timeslot | null {
  if (plan.durationMs <= 0) return null;
  const localNow = toLocal(now, plan.zone);
  const firstDay = dayStartOf(localNow - plan.durationMs - SLACK_MS);
  for (let day = dayStartOf(localNow + SLACK_MS); day >= firstDay; day -= DAY_MS) {
    const starts = plan.startsOn(day);
    for (let i = starts.length - 1; i >= 0; i--) {
      const reading = starts[i]!;
      if (reading > localNow + SLACK_MS) continue;
      const instant = fromLocal(reading, plan.zone);
      if (instant > now || !allowed(instant, bounds)) continue;
      return now < instant + plan.durationMs
        ? { start: instant, end: instant + plan.durationMs }
        : null;
    }
  }
  return null;
}

/** The first slot starting after `after` (or at it, when `inclusive`). */
function nextSlot(plan: Plan, bounds: Bounds, after: number, inclusive: boolean): Timeslot | null {
  const localAfter = toLocal(after, plan.zone);
  const firstDay = dayStartOf(localAfter - SLACK_MS);
  for (let day = firstDay; day <= firstDay + LOOKAHEAD_DAYS * DAY_MS; day += DAY_MS) {
    for (const reading of plan.startsOn(day)) {
      if (reading < localAfter - SLACK_MS) continue;
      const instant = fromLocal(reading, plan.zone);
      if (instant < after || (instant === after && !inclusive)) continue;
      if (bounds.end !== null && instant >= bounds.end) return null;
      if (!allowed(instant, bounds)) continue;
      return { start: instant, end: instant + plan.durationMs };
    }
  }
  return null;
}
