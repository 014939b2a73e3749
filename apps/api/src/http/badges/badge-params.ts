import { z } from 'zod';
import { BADGE_STYLES, type BadgeKind, type BadgeRequest } from './badge-request.js';

/** Kuma's badge defaults (upstream `badgeConstants`, docs/protocol/http.md#badges). */
export const BADGE_DEFAULTS = {
  upColor: '#66c20a',
  downColor: '#c2290a',
  pendingColor: '#f8a306',
  maintenanceColor: '#1747f5',
  warnColor: '#eed202',
  pingColor: 'blue',
  warnDays: 14,
  downDays: 7,
  hours: 24,
} as const;

/**
 * Longest text kept from one query parameter, in characters. badge-maker escapes whatever
 * it gets, but an unbounded label makes an unbounded SVG (and cache entry) that no page can
 * show anyway; longer texts are cut and end in "…".
 */
export const MAX_TEXT_LENGTH = 200;

/** Ping windows stop at 30 days, as upstream (docs/protocol/http.md#badges). */
export const MAX_PING_HOURS = 720;

/** Uptime windows are not clamped upstream; past ten years the date arithmetic is absurd. */
export const MAX_UPTIME_HOURS = 87_600;

const MAX_MONITOR_ID = 2 ** 31 - 1;

// Repeated parameters (`?label=a&label=b`) arrive as arrays; the first one counts.
const first = (value: unknown) => (Array.isArray(value) ? (value as unknown[])[0] : value);

const text = z.preprocess(first, z.string().optional()).transform(capText);

const withDefault = (fallback: string) => text.transform((v) => v ?? fallback);

/** An optional number; empty counts as absent, anything non-numeric is refused. */
const number = (pattern: RegExp, message: string) =>
  z.preprocess(first, z.string().optional()).transform((v, ctx) => {
    if (v === undefined || v === '') return undefined;
    if (!pattern.test(v)) {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    return Number(v);
  });

const decimal = number(/^-?\d+(\.\d+)?$/, 'must be a number');
const integer = number(/^-?\d+$/, 'must be a whole number');

const style = z
  .preprocess(
    first,
    z.enum(BADGE_STYLES, { message: `must be one of ${BADGE_STYLES.join(', ')}` }).optional(),
  )
  .transform((v) => v ?? 'flat');

const statusQuery = z.object({
  style,
  label: text,
  upLabel: withDefault('Up'),
  downLabel: withDefault('Down'),
  pendingLabel: withDefault('Pending'),
  maintenanceLabel: withDefault('Maintenance'),
  upColor: withDefault(BADGE_DEFAULTS.upColor),
  downColor: withDefault(BADGE_DEFAULTS.downColor),
  pendingColor: withDefault(BADGE_DEFAULTS.pendingColor),
  maintenanceColor: withDefault(BADGE_DEFAULTS.maintenanceColor),
  value: integer,
});

const uptimeQuery = z.object({
  style,
  label: text,
  labelPrefix: text,
  labelSuffix: withDefault('h'),
  prefix: text,
  suffix: withDefault('%'),
  color: text,
  labelColor: withDefault(''),
  value: decimal,
});

const pingFields = {
  style,
  label: text,
  labelPrefix: text,
  prefix: text,
  suffix: withDefault('ms'),
  color: withDefault(BADGE_DEFAULTS.pingColor),
  labelColor: withDefault(''),
  value: decimal,
};
const pingQuery = z.object({ ...pingFields, labelSuffix: withDefault('h') });
const avgResponseQuery = z.object({ ...pingFields, labelSuffix: text });

const certExpQuery = z
  .object({
    style,
    label: text,
    labelPrefix: text,
    labelSuffix: text,
    prefix: text,
    suffix: text,
    // A presence flag (docs/protocol/http.md#badges): `?date`, `?date=1` and `?date=true` all ask for the date.
    date: z.preprocess(first, z.string().optional()).transform((v) => v !== undefined),
    upColor: withDefault(BADGE_DEFAULTS.upColor),
    warnColor: withDefault(BADGE_DEFAULTS.warnColor),
    downColor: withDefault(BADGE_DEFAULTS.downColor),
    warnDays: decimal.transform((v) => v ?? BADGE_DEFAULTS.warnDays),
    downDays: decimal.transform((v) => v ?? BADGE_DEFAULTS.downDays),
    labelColor: withDefault(''),
    value: decimal,
  })
  .transform((q) => ({ ...q, suffix: q.suffix ?? (q.date ? '' : ' days') }));

const responseQuery = z.object({
  style,
  label: text,
  labelPrefix: text,
  labelSuffix: text,
  prefix: text,
  suffix: withDefault('ms'),
  color: withDefault(BADGE_DEFAULTS.pingColor),
  labelColor: withDefault(''),
  value: decimal,
});

const pathParams = z.object({
  id: z
    .string()
    .regex(/^\d+$/, 'monitor id must be a whole number')
    // Beyond int4 no monitor exists; that answers N/A like any missing id, never an error.
    .transform((v) => (v.length <= 10 && Number(v) <= MAX_MONITOR_ID ? Number(v) : null)),
  // Upstream reads the segment with parseInt, so `/uptime/24h` means 24 too; `/uptime/`
  // (empty segment) is the default window, as in Express.
  duration: z
    .string()
    .regex(/^(\d{1,6}h?)?$/, 'duration must be a whole number of hours, like 24 or 720h')
    .transform((v) => (v === '' ? undefined : Number.parseInt(v, 10)))
    .optional(),
});

export type ParsedBadgeRequest = { ok: true; request: BadgeRequest } | { ok: false; msg: string };

/**
 * Parses a badge route's path parameters and query string (architecture rule 6). Unknown query
 * parameters are ignored: READMEs add cache busters like `?v=2`.
 */
export function parseBadgeRequest(
  kind: BadgeKind,
  params: unknown,
  query: unknown,
): ParsedBadgeRequest {
  const path = pathParams.safeParse(params);
  if (!path.success) return { ok: false, msg: describe(path.error) };
  const monitorId = path.data.id;
  const hours = path.data.duration ?? BADGE_DEFAULTS.hours;

  switch (kind) {
    case 'status':
      return build(statusQuery, query, ({ style, ...params }) => ({
        kind,
        monitorId,
        style,
        params,
      }));
    case 'uptime':
      if (hours > MAX_UPTIME_HOURS) {
        return { ok: false, msg: `duration must be at most ${MAX_UPTIME_HOURS} hours` };
      }
      return build(uptimeQuery, query, ({ style, ...params }) => ({
        kind,
        monitorId,
        style,
        hours,
        params,
      }));
    case 'ping':
    case 'avg-response':
      return build(
        kind === 'ping' ? pingQuery : avgResponseQuery,
        query,
        ({ style, ...params }) => ({
          kind,
          monitorId,
          style,
          hours: Math.min(hours, MAX_PING_HOURS),
          params,
        }),
      );
    case 'cert-exp':
      return build(certExpQuery, query, ({ style, ...params }) => ({
        kind,
        monitorId,
        style,
        params,
      }));
    case 'response':
      return build(responseQuery, query, ({ style, ...params }) => ({
        kind,
        monitorId,
        style,
        params,
      }));
    default: {
      const unreachable: never = kind;
      return unreachable;
    }
  }
}

function build<S extends z.ZodType>(
  schema: S,
  query: unknown,
  toRequest: (parsed: z.output<S>) => BadgeRequest,
): ParsedBadgeRequest {
  const parsed = schema.safeParse(query ?? {});
  if (!parsed.success) return { ok: false, msg: describe(parsed.error) };
  return { ok: true, request: toRequest(parsed.data) };
}

function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'Invalid badge request';
  const name = issue.path.join('.');
  return name ? `Invalid ${name}: ${issue.message}` : issue.message;
}

function capText(value: string | undefined): string | undefined {
  if (value === undefined || value.length <= MAX_TEXT_LENGTH) return value;
  // By code point, so an emoji is never cut in half into an unpaired surrogate.
  const points = Array.from(value);
  if (points.length <= MAX_TEXT_LENGTH) return value;
  return `${points.slice(0, MAX_TEXT_LENGTH - 1).join('')}…`;
}
