import type { DockerHostJson } from '../docker-hosts/docker-host-wire.js';
import { withoutSensitiveMonitorFields } from '../monitors/sensitive-monitor-fields.js';
import type { DeliveryRecord } from '../notifications/delivery/delivery-repository.js';
import type { NotificationJson } from '../notifications/notification-wire.js';
import type { ProxyJson } from '../proxies/proxy-wire.js';
import type { MonitorListPayload, ServerEvent } from '../protocol/server-events.js';

/**
 * What a read-only session (a `scope: read` API key) receives in place of secrets, in every
 * push and ack (docs/protocol/api-keys.md#read-scope-keys). A read key may see what its tenant monitors, never a
 * credential that would let its holder act: push tokens, passwords, webhook URLs, request
 * headers. Pure functions over wire objects, so the API nodes and the workers' emitter redact
 * alike.
 */

/** A monitor in upstream's `includeSensitiveData: false` form, with no password in its URL. */
export function redactMonitor(monitor: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const copy = withoutSensitiveMonitorFields(monitor);
  if (typeof copy.url === 'string') copy.url = withoutUrlCredentials(copy.url);
  return copy;
}

export function redactMonitorList(list: MonitorListPayload): MonitorListPayload {
  return Object.fromEntries(Object.entries(list).map(([id, m]) => [id, redactMonitor(m)]));
}

// A provider's config is its secrets (webhook URLs carry their token in the path); only what
// names the notification stays.
const PUBLIC_NOTIFICATION_KEYS = ['name', 'type', 'isDefault'] as const;

export function redactNotification(notification: NotificationJson): NotificationJson {
  const config = parseObject(notification.config);
  const kept = Object.fromEntries(
    PUBLIC_NOTIFICATION_KEYS.filter((key) => key in config).map((key) => [key, config[key]]),
  );
  return { ...notification, config: JSON.stringify(kept) };
}

// A provider's error text may quote its target or its answer (a webhook URL with the token in
// its path, a response body echoing the request), so a read session learns that an attempt
// failed, when and through which provider, never what the provider said.
export const REDACTED_ERROR_TEXT = 'Hidden from read-only API keys';

export function redactDelivery(delivery: DeliveryRecord): DeliveryRecord {
  const hidden = (error: string | null) => (error === null ? null : REDACTED_ERROR_TEXT);
  return {
    ...delivery,
    lastError: hidden(delivery.lastError),
    tries: delivery.tries.map((attempt) => ({ ...attempt, error: hidden(attempt.error) })),
  };
}

export function redactProxy(proxy: ProxyJson): ProxyJson {
  return { ...proxy, username: null, password: null };
}

export function redactDockerHost(host: DockerHostJson): DockerHostJson {
  return { ...host, dockerDaemon: withoutUrlCredentials(host.dockerDaemon) };
}

// The one secret among Kuma's settings (docs/protocol/settings.md#settings-object).
const SECRET_SETTINGS = ['steamAPIKey'] as const;

export function redactSettings(
  settings: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...settings };
  for (const key of SECRET_SETTINGS) if (key in copy) copy[key] = '';
  return copy;
}

/**
 * The read-only copy of a push that carries secrets, or null for a push that carries none
 * (and goes to every session of the tenant unchanged).
 */
export function redactPush(push: ServerEvent): ServerEvent | null {
  switch (push[0]) {
    case 'monitorList':
      return ['monitorList', redactMonitorList(push[1])];
    case 'notificationList':
      return ['notificationList', push[1].map(redactNotification)];
    case 'proxyList':
      return ['proxyList', (push[1] as ProxyJson[]).map(redactProxy)];
    case 'dockerHostList':
      return ['dockerHostList', (push[1] as DockerHostJson[]).map(redactDockerHost)];
    default:
      return null;
  }
}

// The authority's userinfo runs to its last `@`, as WHATWG URL parsing reads it.
const URL_USERINFO = /^([a-z][a-z\d+.-]*:\/\/)[^/?#]*@/i;

/** `https://user:pass@host/` → `https://host/`, the rest kept as written. */
function withoutUrlCredentials(text: string): string {
  return text.replace(URL_USERINFO, '$1');
}

function parseObject(json: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
