/**
 * What clients send (docs/protocol/README.md#client-events), each with its arguments as clients send them and the ack
 * last. Arguments are typed as a well-behaved client sends them; the server still validates
 * every one at runtime, because a client is not obliged to be well-behaved. Events that
 * never ack (docs/protocol/authentication.md#which-events-need-a-login) take no callback.
 */

/** Every ack of a request event: `ok`, a message, and the event's own fields. */
export interface AckResponse {
  ok: boolean;
  msg?: string;
  [field: string]: unknown;
}

type Ack = (response: AckResponse) => void;
type Id = number | string;
type JsonObject = Record<string, unknown>;

export interface ClientToServerEvents {
  // Authentication and account (docs/protocol/authentication.md).
  needSetup: (ack: (needed: boolean) => void) => void;
  setup: (username: string, password: string, ack: Ack) => void;
  login: (data: { username: string; password: string; token?: string }, ack: Ack) => void;
  loginByToken: (token: string, ack: Ack) => void;
  logout: (ack: () => void) => void;
  changePassword: (
    password: { currentPassword: string; newPassword: string; repeatNewPassword?: string },
    ack: Ack,
  ) => void;
  twoFAStatus: (ack: Ack) => void;
  prepare2FA: (currentPassword: string, ack: Ack) => void;
  save2FA: (currentPassword: string, ack: Ack) => void;
  disable2FA: (currentPassword: string, ack: Ack) => void;
  verifyToken: (token: string, currentPassword: string, ack: Ack) => void;

  // Monitors (docs/protocol/monitors.md).
  add: (monitor: JsonObject, ack: Ack) => void;
  editMonitor: (monitor: JsonObject, ack: Ack) => void;
  deleteMonitor: (monitorId: Id, ack: Ack) => void;
  pauseMonitor: (monitorId: Id, ack: Ack) => void;
  resumeMonitor: (monitorId: Id, ack: Ack) => void;
  getMonitor: (monitorId: Id, ack: Ack) => void;
  getMonitorList: (ack: Ack) => void;
  getMonitorBeats: (monitorId: Id, periodHours: number, ack: Ack) => void;
  clearEvents: (monitorId: Id, ack: Ack) => void;
  clearHeartbeats: (monitorId: Id, ack: Ack) => void;
  clearStatistics: (ack: Ack) => void;
  // Watchpost's own, for the dashboard's monitor page (docs/protocol/monitors.md#the-monitor-pages-events).
  getMonitorChartData: (monitorId: Id, periodHours: number, ack: Ack) => void;
  getMonitorStats: (monitorId: Id, ack: Ack) => void;
  monitorImportantHeartbeatListCount: (monitorId: Id, ack: Ack) => void;
  monitorImportantHeartbeatListPaged: (
    monitorId: Id,
    offset: number,
    count: number,
    ack: Ack,
  ) => void;

  // Tags (docs/protocol/tags.md#tag-events).
  getTags: (ack: Ack) => void;
  addTag: (tag: { name: string; color: string }, ack: Ack) => void;
  editTag: (tag: { id: Id; name: string; color: string }, ack: Ack) => void;
  deleteTag: (tagId: Id, ack: Ack) => void;
  addMonitorTag: (tagId: Id, monitorId: Id, value: string, ack: Ack) => void;
  editMonitorTag: (tagId: Id, monitorId: Id, value: string, ack: Ack) => void;
  deleteMonitorTag: (tagId: Id, monitorId: Id, value: string, ack: Ack) => void;

  // Notifications (docs/protocol/notifications.md).
  addNotification: (notification: JsonObject, notificationId: Id | null, ack: Ack) => void;
  deleteNotification: (notificationId: Id, ack: Ack) => void;
  testNotification: (notification: JsonObject, ack: Ack) => void;
  checkApprise: (ack: (installed: boolean) => void) => void;
  /** Watchpost's own: the last deliveries with every attempt. */
  getNotificationDeliveries: (ack: Ack) => void;

  // Proxies and Docker hosts (docs/protocol/proxies.md, docs/protocol/docker-hosts.md).
  addProxy: (proxy: JsonObject, proxyId: Id | null, ack: Ack) => void;
  deleteProxy: (proxyId: Id, ack: Ack) => void;
  addDockerHost: (dockerHost: JsonObject, dockerHostId: Id | null, ack: Ack) => void;
  deleteDockerHost: (dockerHostId: Id, ack: Ack) => void;
  testDockerHost: (dockerHost: JsonObject, ack: Ack) => void;

  // Status pages and incidents (docs/protocol/status-pages.md).
  addStatusPage: (title: string, slug: string, ack: Ack) => void;
  getStatusPage: (slug: string, ack: Ack) => void;
  saveStatusPage: (
    slug: string,
    config: JsonObject,
    imgDataUrl: string,
    publicGroupList: JsonObject[],
    ack: Ack,
  ) => void;
  deleteStatusPage: (slug: string, ack: Ack) => void;
  postIncident: (slug: string, incident: JsonObject, ack: Ack) => void;
  unpinIncident: (slug: string, ack: Ack) => void;

  // Maintenance (docs/protocol/maintenance.md).
  addMaintenance: (maintenance: JsonObject, ack: Ack) => void;
  editMaintenance: (maintenance: JsonObject, ack: Ack) => void;
  getMaintenance: (maintenanceId: Id, ack: Ack) => void;
  getMaintenanceList: (ack: Ack) => void;
  deleteMaintenance: (maintenanceId: Id, ack: Ack) => void;
  pauseMaintenance: (maintenanceId: Id, ack: Ack) => void;
  resumeMaintenance: (maintenanceId: Id, ack: Ack) => void;
  addMonitorMaintenance: (maintenanceId: Id, monitors: { id: Id }[], ack: Ack) => void;
  getMonitorMaintenance: (maintenanceId: Id, ack: Ack) => void;
  addMaintenanceStatusPage: (maintenanceId: Id, statusPages: { id: Id }[], ack: Ack) => void;
  getMaintenanceStatusPage: (maintenanceId: Id, ack: Ack) => void;

  // API keys (docs/protocol/api-keys.md).
  addAPIKey: (
    key: { name: string; expires?: string | null; active?: unknown; scope?: 'read' | 'write' },
    ack: Ack,
  ) => void;
  getAPIKeyList: (ack: Ack) => void;
  enableAPIKey: (keyId: Id, ack: Ack) => void;
  disableAPIKey: (keyId: Id, ack: Ack) => void;
  deleteAPIKey: (keyId: Id, ack: Ack) => void;

  // Settings and miscellaneous (docs/protocol/settings.md).
  getSettings: (ack: Ack) => void;
  setSettings: (settings: JsonObject, currentPassword: string | null, ack: Ack) => void;
  uploadBackup: (backupJson: string, importHandle: string, ack: Ack) => void;
  getGameList: (ack: Ack) => void;
  testChrome: (executable: string, ack: Ack) => void;
  initServerTimezone: (timezone: string) => void;
  disconnectOtherSocketClients: () => void;
  getDatabaseSize: (ack: Ack) => void;
  shrinkDatabase: (ack: Ack) => void;
}

export type ClientEventName = keyof ClientToServerEvents;
