import type { Monitor } from './monitor.js';
import { EXTRA_MONITOR_FIELDS } from './monitor-types.js';

/** What a monitor's wire object needs beyond its own row (computed fields of docs/protocol/monitors.md#monitor-object). */
export interface KumaMonitorContext {
  pathName: string;
  childrenIDs: number[];
  /** True when an ancestor group is paused. */
  forceInactive: boolean;
  notificationIds: number[];
  tags: unknown[];
  maintenance: boolean;
}

/**
 * The Monitor object of docs/protocol/monitors.md#monitor-object as sent in `monitorList` and `getMonitor`: every key
 * present, snake_case exactly where Kuma uses it, long-tail fields from `extra` or null.
 */
export function toKumaMonitor(m: Monitor, ctx: KumaMonitorContext): Record<string, unknown> {
  const extra: Record<string, unknown> = {};
  for (const key of EXTRA_MONITOR_FIELDS) extra[key] = m.extra[key] ?? null;
  // Kuma's column defaults for the two booleans among the long tail.
  extra.gamedigGivenPortOnly = m.extra.gamedigGivenPortOnly ?? true;
  for (const key of ['grpcEnableTls', 'kafkaProducerSsl', 'kafkaProducerAllowAutoTopicCreation']) {
    extra[key] = m.extra[key] ?? false;
  }
  return {
    id: m.id,
    name: m.name,
    description: m.description,
    pathName: ctx.pathName,
    parent: m.parent,
    childrenIDs: ctx.childrenIDs,
    url: m.url,
    method: m.method,
    hostname: m.hostname,
    port: m.port,
    maxretries: m.maxretries,
    weight: m.weight,
    active: m.active && !ctx.forceInactive,
    forceInactive: ctx.forceInactive,
    type: m.type,
    timeout: m.timeout,
    interval: m.interval,
    retryInterval: m.retryInterval,
    resendInterval: m.resendInterval,
    keyword: m.keyword,
    invertKeyword: m.invertKeyword,
    expiryNotification: m.expiryNotification,
    ignoreTls: m.ignoreTls,
    upsideDown: m.upsideDown,
    packetSize: m.packetSize,
    maxredirects: m.maxredirects,
    accepted_statuscodes: m.acceptedStatuscodes,
    dns_resolve_type: m.dnsResolveType,
    dns_resolve_server: m.dnsResolveServer,
    dns_last_result: m.dnsLastResult,
    proxyId: m.proxyId,
    notificationIDList: Object.fromEntries(
      [...ctx.notificationIds].sort((a, b) => a - b).map((id) => [String(id), true]),
    ),
    tags: ctx.tags,
    maintenance: ctx.maintenance,
    httpBodyEncoding: m.httpBodyEncoding,
    jsonPath: m.jsonPath,
    expectedValue: m.expectedValue,
    authMethod: m.authMethod,
    screenshot: null,
    headers: m.headers,
    body: m.body,
    basic_auth_user: m.basicAuthUser,
    basic_auth_pass: m.basicAuthPass,
    pushToken: m.pushToken,
    badgesPublic: m.badgesPublic,
    ...extra,
    includeSensitiveData: true,
  };
}
