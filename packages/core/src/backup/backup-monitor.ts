import type { BackupMonitor } from './backup-schema.js';

/** What the rest of the import decided for one monitor: its links under their new ids. */
export interface MonitorImportLinks {
  /** Backups from 1.7.0 on carry `retryInterval`; older ones get 0 (docs/protocol/settings.md). */
  hasRetryInterval: boolean;
  notificationIds: readonly number[];
  proxyId: number | null;
  /** The token to store; the monitor schema decides whether it is a usable one. */
  pushToken: unknown;
}

/**
 * The `add` payload (docs/protocol/monitors.md#monitorinput) for one backup monitor: exactly the field subset upstream's
 * import copies (docs/protocol/settings.md), so the monitor is what `add` would store for it. Fields outside
 * the subset (parent, expiryNotification, jsonPath …) take `add`'s defaults, as upstream.
 */
export function toMonitorPayload(
  m: BackupMonitor,
  links: MonitorImportLinks,
): Record<string, unknown> {
  return {
    name: m.name,
    description: m.description,
    type: m.type,
    url: m.url,
    method: m.method || 'GET',
    body: m.body,
    headers: m.headers,
    authMethod: m.authMethod,
    basic_auth_user: m.basic_auth_user,
    basic_auth_pass: m.basic_auth_pass,
    authWorkstation: m.authWorkstation,
    authDomain: m.authDomain,
    timeout: timeoutOf(m),
    interval: m.interval,
    retryInterval: links.hasRetryInterval ? m.retryInterval : 0,
    resendInterval: m.resendInterval || 0,
    hostname: m.hostname,
    maxretries: m.maxretries,
    port: m.port,
    keyword: m.keyword,
    invertKeyword: m.invertKeyword,
    ignoreTls: m.ignoreTls,
    upsideDown: m.upsideDown,
    maxredirects: m.maxredirects,
    // Upstream stores whatever is there; a missing list ends up as the column default.
    accepted_statuscodes: m.accepted_statuscodes ?? ['200-299'],
    dns_resolve_type: m.dns_resolve_type,
    dns_resolve_server: m.dns_resolve_server,
    notificationIDList: Object.fromEntries(links.notificationIds.map((id) => [String(id), true])),
    proxyId: links.proxyId,
    pushToken: links.pushToken,
  };
}

/**
 * Upstream's `timeout || interval * 0.8`: backups from before the timeout field (and a
 * stored 0) get the 80 % default, in seconds (docs/protocol/compatibility.md#default-timeout).
 */
function timeoutOf(m: BackupMonitor): unknown {
  if (m.timeout) return m.timeout;
  const interval = typeof m.interval === 'string' ? Number(m.interval) : m.interval;
  return typeof interval === 'number' && Number.isFinite(interval) ? interval * 0.8 : undefined;
}

/**
 * The backup's old proxy id. 1.23's monitor objects call it `proxyId` (docs/protocol/monitors.md#monitor-object) while
 * upstream's import reads `proxy_id` (so it silently dropped every proxy); both are taken.
 */
export function backupProxyIdOf(m: BackupMonitor): unknown {
  return m.proxy_id ?? m.proxyId ?? null;
}

/**
 * The backup's notification ids the monitor links (`notificationIDList` keys with a truthy
 * value), as numbers; anything else refers to nothing.
 */
export function backupNotificationIdsOf(m: BackupMonitor): number[] {
  const list = m.notificationIDList;
  if (typeof list !== 'object' || list === null || Array.isArray(list)) return [];
  return Object.entries(list as Record<string, unknown>)
    .filter(([id, on]) => Boolean(on) && /^\d{1,10}$/.test(id))
    .map(([id]) => Number(id));
}

/**
 * Upstream starts a monitor only for `active === 1`. Kuma 1.23's export writes booleans
 * (`active: true`), so taken literally every monitor of a 1.23 backup would come back
 * paused; `true` counts as started too.
 */
export function isBackupMonitorActive(m: BackupMonitor): boolean {
  return m.active === 1 || m.active === true;
}
