import type { ApiKeyJson } from '../api-keys/api-key-wire.js';
import type {
  toHeartbeatJson,
  toHeartbeatRowJson,
  toImportantHeartbeatJson,
} from '../heartbeats/heartbeat-wire.js';
import type { NotificationJson } from '../notifications/notification-wire.js';
import type { MonitorMetaDelta, MonitorSummary } from './dashboard-events.js';

/** A monitor id as pushed: a number after a beat, a numeric string in the login burst. */
export type MonitorIdArg = number | string;

/** The `monitorList` push (docs/protocol/transport.md#server-pushes): the tenant's complete list keyed by id, `{}` when empty. */
export type MonitorListPayload = Record<string, Record<string, unknown>>;

/** docs/protocol/settings.md#info-object. The version fields are absent before login (docs/protocol/transport.md#on-connect). */
export interface ServerInfo {
  version?: string;
  latestVersion?: string | null;
  isContainer?: boolean;
  primaryBaseURL: string | null;
  serverTimezone: string;
  serverTimezoneOffset: string;
  /** Watchpost's: where the tenant's public pages live (`''` or `/t/<id>`); absent before login. */
  publicPathPrefix?: string;
}

/**
 * What the server pushes (docs/protocol/transport.md#server-pushes) with the exact arities of docs/protocol/transport.md#push-arities: python-socketio drops a
 * push whose argument count differs from what its handler takes, so the compiler checks them.
 * The API nodes emit through their Socket.IO server, workers through the Redis emitter; both
 * are typed by this one map, and so is the web app's client.
 */
export interface ServerToClientEvents {
  info: (info: ServerInfo) => void;
  setup: () => void;
  autoLogin: () => void;
  initServerTimezone: () => void;
  refresh: () => void;
  monitorList: (monitors: MonitorListPayload) => void;
  heartbeatList: (
    monitorId: MonitorIdArg,
    beats: ReturnType<typeof toHeartbeatRowJson>[],
    overwrite: boolean,
  ) => void;
  importantHeartbeatList: (
    monitorId: MonitorIdArg,
    beats: ReturnType<typeof toImportantHeartbeatJson>[],
    overwrite: boolean,
  ) => void;
  heartbeat: (beat: ReturnType<typeof toHeartbeatJson>) => void;
  avgPing: (monitorId: MonitorIdArg, avgMs: number | null) => void;
  uptime: (monitorId: MonitorIdArg, periodHours: number, ratio: number) => void;
  certInfo: (monitorId: MonitorIdArg, tlsInfoJson: string) => void;
  maintenanceList: (maintenances: Record<string, unknown>) => void;
  notificationList: (notifications: NotificationJson[]) => void;
  proxyList: (proxies: unknown[]) => void;
  dockerHostList: (dockerHosts: unknown[]) => void;
  apiKeyList: (apiKeys: ApiKeyJson[]) => void;
  statusPageList: (statusPages: Record<string, unknown>) => void;
  /** Watchpost's dashboard extension, to lean sockets only (docs/protocol/dashboard.md#monitorsummarylist). */
  monitorSummaryList: (summaries: MonitorSummary[]) => void;
  /** Watchpost's dashboard extension, to lean sockets only (docs/protocol/dashboard.md#monitormetadelta). */
  monitorMetaDelta: (delta: MonitorMetaDelta) => void;
}

export type ServerEventName = keyof ServerToClientEvents;

/** One push as a value: its name and exactly the arguments the map gives it. */
export type ServerEvent = {
  [E in ServerEventName]: [event: E, ...args: Parameters<ServerToClientEvents[E]>];
}[ServerEventName];
