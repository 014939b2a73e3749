import type { AuthMethod, MonitorType } from './monitor-types.js';

/**
 * A monitor as the domain sees it (camelCase). Fields that Watchpost's own logic reads have
 * columns; the long tail of type-specific settings (grpc, kafka, mqtt, radius, database
 * probes, oauth, mTLS …) travels in `extra`, keyed by its Kuma wire name, and is stored and
 * returned verbatim.
 */
export interface Monitor {
  id: number;
  tenantId: number;
  name: string;
  description: string | null;
  type: MonitorType;
  parent: number | null;
  active: boolean;
  /** Seconds between checks. */
  interval: number;
  /** Seconds between checks while PENDING; 0 means "use interval". */
  retryInterval: number;
  /** Resend the DOWN notification every N consecutive DOWN beats; 0 = never. */
  resendInterval: number;
  maxretries: number;
  upsideDown: boolean;
  /** Request timeout in seconds; ≤ 0 means 80 % of interval. */
  timeout: number;
  url: string | null;
  method: string;
  /** JSON text of a header object, as Kuma stores it. */
  headers: string | null;
  body: string | null;
  httpBodyEncoding: string | null;
  hostname: string | null;
  port: number | null;
  ignoreTls: boolean;
  maxredirects: number;
  acceptedStatuscodes: string[];
  keyword: string | null;
  invertKeyword: boolean;
  jsonPath: string | null;
  expectedValue: string | null;
  authMethod: AuthMethod | null;
  basicAuthUser: string | null;
  basicAuthPass: string | null;
  expiryNotification: boolean;
  pushToken: string | null;
  proxyId: number | null;
  dnsResolveType: string | null;
  dnsResolveServer: string | null;
  dnsLastResult: string | null;
  packetSize: number;
  weight: number;
  extra: Record<string, unknown>;
  /** Badges show this monitor's data to anyone (Watchpost's addition; Kuma needs a status page). */
  badgesPublic: boolean;
  createdAt: Date;
}

/** The settings an HTTP-family check needs. */
export type HttpCheckSettings = Pick<
  Monitor,
  | 'type'
  | 'url'
  | 'method'
  | 'headers'
  | 'body'
  | 'httpBodyEncoding'
  | 'interval'
  | 'timeout'
  | 'ignoreTls'
  | 'maxredirects'
  | 'acceptedStatuscodes'
  | 'keyword'
  | 'invertKeyword'
  | 'jsonPath'
  | 'expectedValue'
  | 'authMethod'
  | 'basicAuthUser'
  | 'basicAuthPass'
>;

/** The settings a TCP port check needs. */
export type PortCheckSettings = Pick<Monitor, 'hostname' | 'port' | 'interval' | 'timeout'>;
