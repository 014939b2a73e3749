import type { DefaultEventsMap, Server, Socket } from 'socket.io';
import type {
  NotificationJson,
  toHeartbeatRowJson,
  toImportantHeartbeatJson,
  toHeartbeatJson,
} from '@watchpost/core';
import type { ApiKeyJson, ApiKeyScope } from '@watchpost/core/db';
import type { ServerInfo } from './server-info.js';
import type { MonitorListPayload } from './monitor-list.js';

type MonitorIdArg = number | string;

/**
 * What the server pushes (spec §4) with the exact arities of §9.6: python-socketio drops a
 * push whose argument count differs from what its handler takes, so the compiler checks them.
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
}

/** Who an authenticated socket acts for. Absent until `login` / `loginByToken` succeed. */
export interface Session {
  userId: number;
  tenantId: number;
  username: string;
  /** `write` for a password or JWT login; an API key login gets the key's scope. */
  scope: ApiKeyScope;
  /** The key a `loginByToken` with an API key used; null for a password or JWT login. */
  apiKeyId: number | null;
}

export interface SocketData {
  session?: Session;
}

// Client events stay untyped here: every one is registered through defineHandler, which
// validates its arguments at runtime instead of trusting a compile-time shape.
export type ApiServer = Server<
  DefaultEventsMap,
  ServerToClientEvents,
  DefaultEventsMap,
  SocketData
>;
export type ApiSocket = Socket<
  DefaultEventsMap,
  ServerToClientEvents,
  DefaultEventsMap,
  SocketData
>;
