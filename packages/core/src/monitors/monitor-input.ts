import { z } from 'zod';
import { generatePushToken } from '../push/push-token.js';
import { AUTH_METHODS, EXTRA_MONITOR_FIELDS, MONITOR_TYPES } from './monitor-types.js';

/** Upper bound Kuma applies to `interval` (24 days in seconds; docs/protocol/monitors.md). */
export const MAX_INTERVAL_SECONDS = 2_073_600;

const HTTP_TYPES = new Set(['http', 'keyword', 'json-query']);

// Kuma clients send numbers, but the web UI and scripts sometimes send numeric strings.
const int = (min: number, max: number) =>
  z
    .union([
      z.number(),
      z
        .string()
        .regex(/^-?\d+$/)
        .transform(Number),
    ])
    .pipe(z.number().int().min(min).max(max));
const num = (min: number, max: number) =>
  z
    .union([
      z.number(),
      z
        .string()
        .regex(/^-?\d+(\.\d+)?$/)
        .transform(Number),
    ])
    .pipe(z.number().min(min).max(max));
const bool = z
  .union([z.boolean(), z.literal(0), z.literal(1)])
  .transform((v) => v === true || v === 1);
const text = (max: number) => z.string().max(max, `Too long (max ${max} characters)`);
const optText = (max: number) =>
  text(max)
    .nullish()
    .transform((v) => v ?? null);
const optBool = (fallback: boolean) => bool.nullish().transform((v) => v ?? fallback);
const optInt = (min: number, max: number, fallback: number) =>
  int(min, max)
    .nullish()
    .transform((v) => v ?? fallback);

const extraValue = z.union([
  z.string().max(65_536),
  z.number(),
  z.boolean(),
  z.null(),
  z.array(z.string().max(1024)).max(100),
  z.record(z.string(), z.unknown()),
]);

/**
 * The `add` / `editMonitor` payload (docs/protocol/monitors.md#monitorinput), parsed into domain fields. Unknown and
 * computed keys (pathName, tags, childrenIDs, screenshot …) are ignored, as the Python
 * client sends back whole objects. `editMonitor` is a full overwrite (docs/protocol/compatibility.md#editmonitor-overwrites): missing
 * keys take their defaults.
 */
export function monitorInputSchema(minIntervalSeconds: number) {
  const intervalMessage = {
    min: `Interval cannot be less than ${minIntervalSeconds} seconds`,
    max: `Interval cannot be more than ${MAX_INTERVAL_SECONDS} seconds`,
  };
  return z
    .object({
      type: z.enum(MONITOR_TYPES, { message: 'Unknown monitor type' }),
      name: text(255).trim().min(1, 'Monitor name is required'),
      description: optText(10_000),
      parent: int(1, 2 ** 31 - 1)
        .nullish()
        .transform((v) => v ?? null),
      interval: z
        .union([z.number(), z.string().regex(/^\d+$/).transform(Number)], {
          message: 'Interval must be a number',
        })
        .pipe(
          z
            .number()
            .int('Interval must be a whole number of seconds')
            .min(minIntervalSeconds, intervalMessage.min)
            .max(MAX_INTERVAL_SECONDS, intervalMessage.max),
        )
        .nullish()
        .transform((v) => v ?? Math.max(60, minIntervalSeconds)),
      retryInterval: optInt(0, MAX_INTERVAL_SECONDS, 0),
      resendInterval: optInt(0, 1_000_000, 0),
      maxretries: optInt(0, 1000, 0),
      upsideDown: optBool(false),
      timeout: num(0, MAX_INTERVAL_SECONDS)
        .nullish()
        .transform((v) => v ?? 0),
      url: optText(2048),
      method: text(16)
        .regex(/^[A-Za-z]+$/, 'Invalid HTTP method')
        .nullish()
        .transform((v) => (v ? v.toUpperCase() : 'GET')),
      headers: optText(65_536),
      body: optText(1_048_576),
      httpBodyEncoding: optText(16),
      hostname: optText(255),
      port: int(0, 65_535)
        .nullish()
        .transform((v) => v ?? null),
      ignoreTls: optBool(false),
      maxredirects: optInt(0, 100, 10),
      accepted_statuscodes: z
        .array(z.unknown(), { message: 'accepted_statuscodes must be an array of strings' })
        .max(100)
        .refine((a) => a.every((v) => typeof v === 'string'), {
          message: 'Accepted status codes are not all strings',
        })
        .transform((a) => a as string[])
        .refine((a) => a.every((v) => /^\d{3}(-\d{3})?$/.test(v)), {
          message: 'Accepted status codes must look like "200" or "200-299"',
        }),
      keyword: optText(1024),
      invertKeyword: optBool(false),
      jsonPath: optText(4096),
      expectedValue: optText(4096),
      authMethod: z
        .enum(AUTH_METHODS)
        .nullish()
        .transform((v) => v ?? null),
      basic_auth_user: optText(1024),
      basic_auth_pass: optText(1024),
      expiryNotification: optBool(true),
      pushToken: text(64)
        .regex(/^[A-Za-z0-9_-]*$/, 'Push token may only contain letters, digits, _ and -')
        .nullish()
        .transform((v) => v || null),
      proxyId: z
        .unknown()
        .optional()
        .transform((v) => (typeof v === 'number' && Number.isInteger(v) ? v : null)),
      dns_resolve_type: optText(16),
      dns_resolve_server: optText(255),
      packetSize: optInt(1, 65_500, 56),
      notificationIDList: z
        .record(z.string(), z.unknown())
        .nullish()
        .transform((v) => v ?? {}),
      // Absent means private: editMonitor is a full overwrite, and clients that do not know
      // the field must not publish a monitor by accident.
      badgesPublic: optBool(false),
      ...Object.fromEntries(EXTRA_MONITOR_FIELDS.map((k) => [k, extraValue.optional()])),
    })
    .superRefine((m, ctx) => {
      if (HTTP_TYPES.has(m.type)) {
        if (!m.url || !isHttpUrl(m.url)) {
          ctx.addIssue({ code: 'custom', path: ['url'], message: 'Invalid URL' });
        }
        if (m.headers && !isJsonObjectText(m.headers)) {
          ctx.addIssue({
            code: 'custom',
            path: ['headers'],
            message: 'Headers must be a JSON object',
          });
        }
      }
      if (m.type === 'port' && (!m.hostname || !m.port)) {
        ctx.addIssue({
          code: 'custom',
          path: ['hostname'],
          message: 'Hostname and port are required',
        });
      }
    })
    .transform((m) => {
      const extra: Record<string, unknown> = {};
      for (const key of EXTRA_MONITOR_FIELDS) {
        const value = (m as Record<string, unknown>)[key];
        if (value !== undefined) extra[key] = value;
      }
      return {
        type: m.type,
        name: m.name,
        description: m.description,
        parent: m.parent,
        interval: m.interval,
        retryInterval: m.retryInterval,
        resendInterval: m.resendInterval,
        maxretries: m.maxretries,
        upsideDown: m.upsideDown,
        timeout: m.timeout,
        url: m.url,
        method: m.method,
        headers: m.headers,
        body: m.body,
        httpBodyEncoding: m.httpBodyEncoding,
        hostname: m.hostname,
        port: m.port,
        ignoreTls: m.ignoreTls,
        maxredirects: m.maxredirects,
        acceptedStatuscodes: m.accepted_statuscodes,
        keyword: m.keyword,
        invertKeyword: m.invertKeyword,
        jsonPath: m.jsonPath,
        expectedValue: m.expectedValue,
        authMethod: m.authMethod,
        basicAuthUser: m.basic_auth_user,
        basicAuthPass: m.basic_auth_pass,
        expiryNotification: m.expiryNotification,
        // A push monitor without a token could never receive a beat. Kuma's clients generate
        // one; clients that do not get one here, from a secure source.
        pushToken: m.type === 'push' && !m.pushToken ? generatePushToken() : m.pushToken,
        proxyId: m.proxyId,
        dnsResolveType: m.dns_resolve_type,
        dnsResolveServer: m.dns_resolve_server,
        packetSize: m.packetSize,
        notificationIds: Object.entries(m.notificationIDList)
          .filter(([id, on]) => on && /^\d+$/.test(id))
          .map(([id]) => Number(id)),
        badgesPublic: m.badgesPublic,
        extra,
      };
    });
}

export type MonitorInput = z.output<ReturnType<typeof monitorInputSchema>>;

function isHttpUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
  } catch {
    return false;
  }
}

function isJsonObjectText(value: string): boolean {
  if (value.trim() === '') return true;
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
  } catch {
    return false;
  }
}
