/** Badge kinds, each one route of docs/protocol/http.md#badges. */
export const BADGE_KINDS = [
  'status',
  'uptime',
  'ping',
  'avg-response',
  'cert-exp',
  'response',
] as const;
export type BadgeKind = (typeof BADGE_KINDS)[number];

/** badge-maker's styles (docs/protocol/http.md#badges); `flat` when absent. */
export const BADGE_STYLES = ['flat', 'flat-square', 'for-the-badge', 'plastic', 'social'] as const;
export type BadgeStyle = (typeof BADGE_STYLES)[number];

// Optional texts stay `undefined` when absent, because Kuma tells "absent" (use the default)
// from "empty" (show nothing): `?label=` hides the label.

export interface StatusParams {
  label: string | undefined;
  upLabel: string;
  downLabel: string;
  pendingLabel: string;
  maintenanceLabel: string;
  upColor: string;
  downColor: string;
  pendingColor: string;
  maintenanceColor: string;
  /** Demo override of the latest status. */
  value: number | undefined;
}

export interface UptimeParams {
  label: string | undefined;
  labelPrefix: string | undefined;
  labelSuffix: string;
  prefix: string | undefined;
  suffix: string;
  color: string | undefined;
  labelColor: string;
  /** Demo override of the uptime ratio (0..1). */
  value: number | undefined;
}

export interface PingParams {
  label: string | undefined;
  labelPrefix: string | undefined;
  /** `h` for ping; no default for avg-response, which appends it after the parenthesis. */
  labelSuffix: string | undefined;
  prefix: string | undefined;
  suffix: string;
  color: string;
  labelColor: string;
  /** Demo override of the ping in ms: the average for ping and avg-response, the latest for response. */
  value: number | undefined;
}

export interface CertExpParams {
  label: string | undefined;
  labelPrefix: string | undefined;
  labelSuffix: string | undefined;
  prefix: string | undefined;
  suffix: string;
  /** Show the expiry date instead of the days remaining. */
  date: boolean;
  upColor: string;
  warnColor: string;
  downColor: string;
  warnDays: number;
  downDays: number;
  labelColor: string;
  /** Demo override of the days remaining. */
  value: number | undefined;
}

/** The response badge takes the same options as the ping badge; it shows the latest ping. */
export type ResponseParams = PingParams;

interface BadgeRequestBase {
  /** null when the id is a number no monitor can have (answers N/A, like a missing one). */
  monitorId: number | null;
  style: BadgeStyle;
}

/** A parsed badge URL: everything rendering needs besides the monitor's facts. */
export type BadgeRequest = BadgeRequestBase &
  (
    | { kind: 'status'; params: StatusParams }
    | { kind: 'uptime'; hours: number; params: UptimeParams }
    | { kind: 'ping' | 'avg-response'; hours: number; params: PingParams }
    | { kind: 'cert-exp'; params: CertExpParams }
    | { kind: 'response'; params: ResponseParams }
  );
