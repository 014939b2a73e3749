import { z } from 'zod';
import { CronSyntaxError, parseCron } from './cron-expression.js';
import {
  MAINTENANCE_STRATEGIES,
  SAME_AS_SERVER,
  type MaintenanceSchedule,
  type MaintenanceStrategy,
} from './maintenance.js';
import { isValidTimeZone, parseLocalDateTime } from './zoned-time.js';

// MaintenanceInput of docs/protocol/maintenance.md#maintenance-object. Clients (the Python one especially) send back the whole
// object they read, with computed keys like `status` and `timeslotList`; zod's default
// object mode drops them, which is what the spec asks for.

const DATE_MSG = 'Dates must look like "2024-01-31 22:00:00".';
const MAX_ID = 2 ** 31 - 1;

const flag = z.union([z.boolean(), z.literal(0), z.literal(1)]).transform(Boolean);
const wholeNumber = z.union([
  z.number(),
  z
    .string()
    .regex(/^\d{1,10}$/)
    .transform(Number),
]);

const dateText = z
  .string({ message: DATE_MSG })
  .nullish()
  .transform((text, ctx) => {
    if (!text) return null;
    if (parseLocalDateTime(text) !== null) return text;
    ctx.addIssue({ code: 'custom', message: DATE_MSG });
    return z.NEVER;
  });

const timeOfDay = z.object({
  hours: wholeNumber.pipe(z.number().int().min(0).max(23)),
  minutes: wholeNumber.pipe(z.number().int().min(0).max(59)),
  seconds: wholeNumber.pipe(z.number().int().min(0).max(59)).nullish(),
});

export const maintenanceInputSchema = z.object(
  {
    id: wholeNumber.pipe(z.number().int().min(1).max(MAX_ID)).optional(),
    title: z
      .string({ message: 'Maintenance title must be text.' })
      .max(255, 'Maintenance title must be at most 255 characters.'),
    description: z.string().max(10_000).nullish(),
    strategy: z.enum(MAINTENANCE_STRATEGIES, {
      message: `Maintenance strategy must be one of ${MAINTENANCE_STRATEGIES.join(', ')}.`,
    }),
    active: flag.optional(),
    intervalDay: wholeNumber
      .pipe(z.number().int().min(1, 'intervalDay must be 1…3650.').max(3650))
      .nullish(),
    dateRange: z.array(dateText).max(2).nullish(),
    timeRange: z.array(timeOfDay.nullish()).max(2).nullish(),
    weekdays: z.array(wholeNumber.pipe(z.number().int().min(0).max(6))).nullish(),
    daysOfMonth: z
      .array(
        z.union([
          wholeNumber.pipe(z.number().int().min(1).max(31)),
          z.enum(['lastDay1', 'lastDay2', 'lastDay3', 'lastDay4']),
        ]),
      )
      .nullish(),
    cron: z.string().max(200).nullish(),
    durationMinutes: wholeNumber.pipe(z.number().int().min(0).max(5_256_000)).nullish(),
    timezoneOption: z
      .string()
      .nullish()
      .refine(
        (zone) => !zone || zone === SAME_AS_SERVER || isValidTimeZone(zone),
        'Unknown time zone.',
      ),
  },
  { message: 'Maintenance must be an object.' },
);

export type MaintenanceInput = z.output<typeof maintenanceInputSchema>;

/** What is stored for one maintenance: its schedule plus its descriptive fields. */
export interface MaintenanceFields extends MaintenanceSchedule {
  title: string;
  description: string;
  weekdays: number[];
  daysOfMonth: (number | string)[];
}

export class MaintenanceInputError extends Error {}

/**
 * docs/protocol/maintenance.md#maintenance-object rules: verbatim dates, per-strategy times and the generated cron. Throws
 * MaintenanceInputError (with the client-facing text) for an unusable combination.
 */
export function toMaintenanceFields(input: MaintenanceInput): MaintenanceFields {
  const strategy: MaintenanceStrategy = input.strategy;
  const [start = null, end = null] = input.dateRange ?? [];
  // Stored and returned in the client's order (docs/protocol/maintenance.md#maintenance-object): Kuma does, and clients
  // compare what they read back with what they saved. Only the generated cron is normalised.
  const weekdays = input.weekdays ?? [];
  const daysOfMonth = input.daysOfMonth ?? [];
  const base: MaintenanceFields = {
    title: input.title,
    description: input.description ?? '',
    strategy,
    active: input.active ?? true,
    startDate: start,
    endDate: end,
    startTime: null,
    endTime: null,
    intervalDay: input.intervalDay ?? null,
    cron: null,
    duration: null,
    timezoneOption: input.timezoneOption || null,
    weekdays,
    daysOfMonth,
  };
  switch (strategy) {
    case 'manual':
    case 'single':
      return base;
    case 'cron':
      return {
        ...base,
        cron: validCron(input.cron ?? ''),
        duration: (input.durationMinutes ?? 0) * 60,
      };
    case 'recurring-interval':
    case 'recurring-weekday':
    case 'recurring-day-of-month':
      return { ...base, ...recurringFields(strategy, input, weekdays, daysOfMonth) };
    default: {
      const unreachable: never = strategy;
      return unreachable;
    }
  }
}

function recurringFields(
  strategy: 'recurring-interval' | 'recurring-weekday' | 'recurring-day-of-month',
  input: MaintenanceInput,
  weekdays: number[],
  daysOfMonth: (number | string)[],
): Pick<MaintenanceFields, 'startTime' | 'endTime' | 'cron' | 'duration'> {
  const [from, to] = input.timeRange ?? [];
  const startSec = secondsOf(from);
  const endSec = secondsOf(to);
  let days: string;
  let dayOfWeek = '*';
  if (strategy === 'recurring-interval') {
    if (!input.intervalDay) throw new MaintenanceInputError('intervalDay must be 1…3650.');
    days = `*/${input.intervalDay}`;
  } else if (strategy === 'recurring-weekday') {
    if (weekdays.length === 0) throw new MaintenanceInputError('Choose at least one weekday.');
    days = '*';
    dayOfWeek = [...new Set(weekdays)].sort((a, b) => a - b).join(',');
  } else {
    // Kuma accepts lastDay2–lastDay4 but ignores them (docs/protocol/maintenance.md#maintenance-object).
    const parts = [
      ...new Set(
        daysOfMonth.flatMap((d) =>
          d === 'lastDay1'
            ? ['L']
            : d === 'lastDay2' || d === 'lastDay3' || d === 'lastDay4'
              ? []
              : [String(d)],
        ),
      ),
    ];
    if (parts.length === 0)
      throw new MaintenanceInputError('Choose at least one day of the month.');
    days = parts.join(',');
  }
  const minute = Math.floor((startSec % 3600) / 60);
  const hour = Math.floor(startSec / 3600);
  let duration = endSec - startSec;
  if (duration < 0) duration += 86_400;
  return {
    startTime: timeText(from),
    endTime: timeText(to),
    cron: validCron(`${minute} ${hour} ${days} * ${dayOfWeek}`),
    duration,
  };
}

type TimeOfDay = z.output<typeof timeOfDay> | null | undefined;

function secondsOf(time: TimeOfDay): number {
  return time ? time.hours * 3600 + time.minutes * 60 + (time.seconds ?? 0) : 0;
}

function timeText(time: TimeOfDay): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const t = time ?? { hours: 0, minutes: 0, seconds: 0 };
  const hm = `${pad(t.hours)}:${pad(t.minutes)}`;
  return t.seconds ? `${hm}:${pad(t.seconds)}` : hm;
}

function validCron(text: string): string {
  try {
    parseCron(text);
    return text.trim();
  } catch (error) {
    if (error instanceof CronSyntaxError) throw new MaintenanceInputError(error.message);
    throw error;
  }
}
