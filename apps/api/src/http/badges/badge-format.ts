import { makeBadge } from 'badge-maker';
import type { TlsInfo } from '@watchpost/core';
import { DOWN, MAINTENANCE, PENDING, UP } from '@watchpost/core';
import { certExpiryColor, NA_COLOR, uptimeColor } from './badge-colors.js';
import type { BadgeRequest, BadgeStyle, StatusParams } from './badge-request.js';

/** What a public monitor's badge can show; a private or missing monitor has none. */
export interface BadgeFacts {
  /** Status of the latest beat; null before the first one. */
  status: number | null;
  /** Ping of the latest beat in ms. */
  lastPing: number | null;
  tls: TlsInfo | null;
  /** Uptime ratio over the requested window (uptime badges). */
  uptime?: number;
  /** Average ping over the requested window, truncated; null without samples (ping badges). */
  avgPing?: number | null;
}

/** badge-maker's input. */
export interface BadgeFormat {
  label?: string;
  message: string;
  color: string;
  labelColor?: string;
  style: BadgeStyle;
}

/**
 * The grey "N/A" badge with no label (docs/protocol/http.md#badges). It depends on nothing but the style, so a
 * private monitor and a missing one answer byte for byte the same.
 */
export function notAvailableBadge(style: BadgeStyle): BadgeFormat {
  return { style, message: 'N/A', color: NA_COLOR };
}

/** Decides label, message and colours of a badge from the request and the monitor's facts. */
export function toBadgeFormat(request: BadgeRequest, facts: BadgeFacts | undefined): BadgeFormat {
  const { style } = request;
  if (!facts) return notAvailableBadge(style);
  switch (request.kind) {
    case 'status': {
      const status = request.params.value ?? facts.status;
      // Upstream fails with a 403 for a public monitor without beats; docs/protocol/compatibility.md#badges-of-a-monitor-without-beats picks N/A.
      if (status === null) return notAvailableBadge(style);
      return {
        style,
        label: request.params.label ?? 'Status',
        ...statusLook(status, request.params),
      };
    }
    case 'uptime': {
      const { params } = request;
      const uptime = params.value ?? facts.uptime;
      if (uptime === undefined) return notAvailableBadge(style);
      return {
        style,
        label: join(
          params.labelPrefix,
          params.label ?? `Uptime (${request.hours}${params.labelSuffix})`,
        ),
        // Four significant digits: 100.0, 99.95, 50.00 (upstream `toPrecision(4)`).
        message: join(params.prefix, (uptime * 100).toPrecision(4), params.suffix),
        color: params.color ?? uptimeColor(uptime),
        labelColor: params.labelColor,
      };
    }
    case 'ping':
    case 'avg-response': {
      const { params } = request;
      // No samples, or an average of 0, is N/A upstream (it tests the value for truthiness).
      if (!facts.avgPing) return notAvailableBadge(style);
      const label =
        request.kind === 'ping'
          ? join(
              params.labelPrefix,
              params.label ?? `Avg. Ping (${request.hours}${params.labelSuffix ?? ''})`,
            )
          : join(
              params.labelPrefix,
              params.label ?? `Avg. Response (${request.hours}h)`,
              params.labelSuffix,
            );
      return {
        style,
        label,
        message: join(params.prefix, whole(params.value ?? facts.avgPing), params.suffix),
        color: params.color,
        labelColor: params.labelColor,
      };
    }
    case 'cert-exp': {
      const { params } = request;
      const { tls } = facts;
      if (!tls) return { style, message: 'No/Bad Cert', color: NA_COLOR };
      // Upstream means downColor here but reads an undefined constant; docs/protocol/http.md#badges says downColor.
      if (!tls.valid) return { style, message: 'Bad Cert', color: params.downColor };
      const days = Math.trunc(params.value ?? tls.certInfo.daysRemaining);
      return {
        style,
        label: join(params.labelPrefix, params.label ?? 'Cert Exp.', params.labelSuffix),
        message: join(
          params.prefix,
          params.date ? tls.certInfo.validTo : String(days),
          params.suffix,
        ),
        color: certExpiryColor(days, params, params),
        labelColor: params.labelColor,
      };
    }
    case 'response': {
      const { params } = request;
      if (!facts.lastPing) return notAvailableBadge(style);
      return {
        style,
        label: join(params.labelPrefix, params.label ?? 'Response', params.labelSuffix),
        message: join(params.prefix, whole(params.value ?? facts.lastPing), params.suffix),
        color: params.color,
        labelColor: params.labelColor,
      };
    }
    default: {
      const unreachable: never = request;
      return unreachable;
    }
  }
}

/**
 * The SVG. badge-maker escapes every text and attribute it writes (`& < > " '`), so query
 * texts cannot leave their element; the tests prove it for each style.
 */
export function renderBadge(format: BadgeFormat): string {
  return makeBadge(format);
}

function statusLook(status: number, params: StatusParams): { message: string; color: string } {
  switch (status) {
    case DOWN:
      return { message: params.downLabel, color: params.downColor };
    case UP:
      return { message: params.upLabel, color: params.upColor };
    case PENDING:
      return { message: params.pendingLabel, color: params.pendingColor };
    case MAINTENANCE:
      return { message: params.maintenanceLabel, color: params.maintenanceColor };
    default:
      return { message: 'N/A', color: NA_COLOR };
  }
}

/**
 * Kuma's `filterAndJoin`: parts concatenated without separators, empty ones skipped.
 * Upstream also drops a numeric 0, which turns "0 days" into "days"; numbers arrive here as
 * text so a zero stays visible.
 */
function join(...parts: (string | undefined)[]): string {
  return parts.filter((part) => part !== undefined && part !== '').join('');
}

/** Upstream `parseInt` of a ping: whole milliseconds, truncated toward zero. */
function whole(value: number): string {
  return String(Math.trunc(value));
}
