import type { MaintenanceJson, MaintenanceStrategy } from '@watchpost/core';
import type { MessageRules } from '../../lib/field-of-message.js';

/** The strategies in the order the form offers them (the server's list, checked by a test). */
export const STRATEGIES = [
  'manual',
  'single',
  'recurring-interval',
  'recurring-weekday',
  'recurring-day-of-month',
  'cron',
] as const satisfies readonly MaintenanceStrategy[];

export const SAME_AS_SERVER = 'SAME_AS_SERVER';
export const LAST_DAY = 'lastDay1';
export type DayOfMonth = number | typeof LAST_DAY;

/**
 * What the maintenance form edits. Dates are in the `datetime-local` form (`2026-12-27T22:36`)
 * and times in the `time` form (`22:36`), so inputs bind to them directly; numbers are kept
 * as typed, so a refused save gives back exactly what was entered.
 */
export interface MaintenanceForm {
  id: number | null;
  title: string;
  description: string;
  strategy: MaintenanceStrategy;
  active: boolean;
  intervalDay: string;
  startDate: string;
  endDate: string;
  startTime: string;
  endTime: string;
  weekdays: number[];
  daysOfMonth: DayOfMonth[];
  cron: string;
  durationMinutes: string;
  timezoneOption: string;
  monitorIds: number[];
  statusPageIds: number[];
}

export const NEW_MAINTENANCE: MaintenanceForm = {
  id: null,
  title: '',
  description: '',
  strategy: 'single',
  active: true,
  intervalDay: '1',
  startDate: '',
  endDate: '',
  startTime: '02:00',
  endTime: '03:00',
  weekdays: [],
  daysOfMonth: [],
  cron: '30 3 * * *',
  durationMinutes: '60',
  timezoneOption: SAME_AS_SERVER,
  monitorIds: [],
  statusPageIds: [],
};

/** `2026-12-27 22:36:00` (the wire) → `2026-12-27T22:36` (datetime-local). */
export function toLocalInput(wire: string | null | undefined): string {
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})/.exec(wire ?? '');
  return match ? `${match[1]}T${match[2]}` : '';
}

/** `2026-12-27T22:36` (datetime-local) → `2026-12-27 22:36:00`, or null when empty. */
export function toWireDate(local: string): string | null {
  if (local === '') return null;
  const [date, time = '00:00'] = local.split('T');
  return `${date} ${time.length === 5 ? `${time}:00` : time}`;
}

function timeText({ hours, minutes }: { hours: number; minutes: number }): string {
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

function timeOfDay(text: string): { hours: number; minutes: number } {
  const [hours = 0, minutes = 0] = text.split(':').map(Number);
  return { hours, minutes };
}

/** A number field's text as the server takes it: null when blank, else the number typed. */
function numberOrNull(text: string): number | null {
  return text.trim() === '' ? null : Number(text);
}

/** The form for an existing window and the monitors and pages linked to it. */
export function maintenanceFormFromJson(
  m: MaintenanceJson,
  links: { monitorIds: number[]; statusPageIds: number[] },
): MaintenanceForm {
  const [start, end] = m.timeRange;
  return {
    id: m.id,
    title: m.title,
    description: m.description,
    strategy: (STRATEGIES as readonly string[]).includes(m.strategy)
      ? (m.strategy as MaintenanceStrategy)
      : NEW_MAINTENANCE.strategy,
    active: m.active,
    intervalDay: m.intervalDay === null ? NEW_MAINTENANCE.intervalDay : String(m.intervalDay),
    startDate: toLocalInput(m.dateRange[0]),
    endDate: toLocalInput(m.dateRange[1]),
    startTime: start ? timeText(start) : NEW_MAINTENANCE.startTime,
    endTime: end ? timeText(end) : NEW_MAINTENANCE.endTime,
    weekdays: [...m.weekdays],
    daysOfMonth: m.daysOfMonth.filter(
      (d): d is DayOfMonth => typeof d === 'number' || d === LAST_DAY,
    ),
    cron: m.strategy === 'cron' && m.cron ? m.cron : NEW_MAINTENANCE.cron,
    durationMinutes:
      m.durationMinutes === null ? NEW_MAINTENANCE.durationMinutes : String(m.durationMinutes),
    timezoneOption: m.timezoneOption ?? '',
    ...links,
  };
}

/** The `addMaintenance` / `editMaintenance` argument (docs/protocol/maintenance.md#maintenance-input). */
export function maintenancePayload(form: MaintenanceForm): Record<string, unknown> {
  return {
    ...(form.id === null ? {} : { id: form.id }),
    title: form.title,
    description: form.description,
    strategy: form.strategy,
    active: form.active,
    intervalDay: numberOrNull(form.intervalDay),
    dateRange: [toWireDate(form.startDate), toWireDate(form.endDate)],
    timeRange: [timeOfDay(form.startTime), timeOfDay(form.endTime)],
    weekdays: [...form.weekdays].sort((a, b) => a - b),
    daysOfMonth: form.daysOfMonth,
    cron: form.cron,
    durationMinutes: numberOrNull(form.durationMinutes),
    timezoneOption: form.timezoneOption === '' ? null : form.timezoneOption,
  };
}

/** Which fields each strategy shows (the server ignores the others). */
export function fieldsOfStrategy(strategy: MaintenanceStrategy) {
  const recurring = strategy.startsWith('recurring-');
  return {
    dateRange: strategy !== 'manual',
    timeRange: recurring,
    intervalDay: strategy === 'recurring-interval',
    weekdays: strategy === 'recurring-weekday',
    daysOfMonth: strategy === 'recurring-day-of-month',
    cron: strategy === 'cron',
    duration: strategy === 'cron',
    timezone: strategy !== 'manual',
  };
}

export type MaintenanceField =
  | 'title'
  | 'strategy'
  | 'intervalDay'
  | 'dateRange'
  | 'timeRange'
  | 'weekdays'
  | 'daysOfMonth'
  | 'cron'
  | 'durationMinutes'
  | 'timezoneOption'
  | 'monitors'
  | 'statusPages';

/** The server's messages by field (docs/protocol/maintenance.md#maintenance-input). */
export const MAINTENANCE_MESSAGES: MessageRules<MaintenanceField> = [
  [/title/i, 'title'],
  [/strategy/i, 'strategy'],
  [/intervalDay/, 'intervalDay'],
  [/^Dates must/, 'dateRange'],
  [/weekday/i, 'weekdays'],
  [/day of the month/i, 'daysOfMonth'],
  [/^Cron expression|^Invalid \w+ field/, 'cron'],
  [/durationMinutes/, 'durationMinutes'],
  [/time zone/i, 'timezoneOption'],
  [/^Monitor/, 'monitors'],
  [/^Status page/, 'statusPages'],
];
