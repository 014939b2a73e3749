import {
  AUTH_METHODS,
  CHECKED_MONITOR_TYPES,
  EXTRA_MONITOR_FIELDS,
  MONITOR_TYPES,
  type MonitorType,
} from '@watchpost/core';

/**
 * The add/edit form's state and its mapping to and from the monitor object
 * (docs/protocol/monitors.md#monitorinput). Keys are the wire names, so a refusal's `field`
 * hint (docs/protocol/monitors.md#field-hints) names the form field as it is. Inputs hold text:
 * what the user typed is kept as typed, and the server's message explains what is wrong with it.
 */
export interface MonitorForm {
  type: MonitorType;
  name: string;
  description: string;
  /** The parent group's id as text, '' for none. */
  parent: string;
  interval: string;
  retryInterval: string;
  maxretries: string;
  resendInterval: string;
  timeout: string;
  upsideDown: boolean;
  url: string;
  method: string;
  /** Comma-separated, as typed: "200-299, 301". */
  accepted_statuscodes: string;
  maxredirects: string;
  ignoreTls: boolean;
  expiryNotification: boolean;
  headers: string;
  body: string;
  httpBodyEncoding: string;
  authMethod: string;
  basic_auth_user: string;
  basic_auth_pass: string;
  keyword: string;
  invertKeyword: boolean;
  jsonPath: string;
  expectedValue: string;
  hostname: string;
  port: string;
  packetSize: string;
  dns_resolve_server: string;
  dns_resolve_type: string;
  pushToken: string;
  /** The proxy's id as text, '' for none. */
  proxyId: string;
  notificationIds: readonly number[];
  badgesPublic: boolean;
  /** The long-tail fields (docs/protocol/monitors.md#monitor-object), kept as they came. */
  extra: Readonly<Record<string, unknown>>;
}

export type MonitorFormField = Exclude<keyof MonitorForm, 'extra'>;

/** The HTTP family: one request, then their own test of the answer. */
export const HTTP_TYPES: readonly MonitorType[] = ['http', 'keyword', 'json-query'];
export const DNS_RECORD_TYPES = [
  'A',
  'AAAA',
  'CAA',
  'CNAME',
  'MX',
  'NS',
  'PTR',
  'SOA',
  'SRV',
  'TXT',
];
export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];
export const BODY_ENCODINGS = ['json', 'xml'];
export { AUTH_METHODS, MONITOR_TYPES };

export function isCheckedType(type: string): boolean {
  return (CHECKED_MONITOR_TYPES as readonly string[]).includes(type);
}

/**
 * The long-tail fields each unchecked type needs (docs/protocol/monitors.md#fields-per-monitor-type):
 * stored verbatim, so the form offers them as plain text.
 */
export const EXTRA_FIELDS_BY_TYPE: Partial<Record<MonitorType, readonly string[]>> = {
  'grpc-keyword': [
    'grpcUrl',
    'grpcServiceName',
    'grpcMethod',
    'grpcProtobuf',
    'grpcBody',
    'grpcMetadata',
  ],
  docker: ['docker_container', 'docker_host'],
  gamedig: ['game'],
  mqtt: ['mqttTopic', 'mqttUsername', 'mqttPassword', 'mqttSuccessMessage'],
  sqlserver: ['databaseConnectionString', 'databaseQuery'],
  postgres: ['databaseConnectionString', 'databaseQuery'],
  mysql: ['databaseConnectionString', 'databaseQuery'],
  mongodb: ['databaseConnectionString'],
  redis: ['databaseConnectionString'],
  radius: [
    'radiusUsername',
    'radiusPassword',
    'radiusSecret',
    'radiusCalledStationId',
    'radiusCallingStationId',
  ],
  'kafka-producer': ['kafkaProducerTopic', 'kafkaProducerMessage'],
};

/** HTTP checks send no credentials or basic auth; other methods are stored, not used (yet). */
export function isCheckedAuth(method: string): boolean {
  return method === '' || method === 'basic';
}

/** The long-tail fields an HTTP authentication method needs beyond user name and password. */
export const EXTRA_FIELDS_BY_AUTH: Readonly<Record<string, readonly string[]>> = {
  ntlm: ['authDomain', 'authWorkstation'],
  mtls: ['tlsCert', 'tlsKey', 'tlsCa'],
  'oauth2-cc': [
    'oauth_auth_method',
    'oauth_token_url',
    'oauth_client_id',
    'oauth_client_secret',
    'oauth_scopes',
  ],
};

/** Which of the common target fields a type uses. */
export function targetFieldsOf(type: MonitorType): {
  http: boolean;
  hostname: boolean;
  port: boolean;
  dns: boolean;
  packetSize: boolean;
  push: boolean;
} {
  const http = HTTP_TYPES.includes(type) || type === 'real-browser';
  const hostnameTypes: readonly MonitorType[] = [
    'port',
    'ping',
    'dns',
    'steam',
    'gamedig',
    'mqtt',
    'radius',
    'tailscale-ping',
  ];
  const portTypes: readonly MonitorType[] = ['port', 'dns', 'steam', 'gamedig', 'mqtt', 'radius'];
  return {
    http,
    hostname: hostnameTypes.includes(type),
    port: portTypes.includes(type),
    dns: type === 'dns',
    packetSize: type === 'ping',
    push: type === 'push',
  };
}

/** A new monitor as Kuma's own form starts it (60 s interval, 48 s timeout, 200-299). */
export function emptyMonitorForm(): MonitorForm {
  return {
    type: 'http',
    name: '',
    description: '',
    parent: '',
    interval: '60',
    retryInterval: '60',
    maxretries: '0',
    resendInterval: '0',
    timeout: '48',
    upsideDown: false,
    url: 'https://',
    method: 'GET',
    accepted_statuscodes: '200-299',
    maxredirects: '10',
    ignoreTls: false,
    expiryNotification: false,
    headers: '',
    body: '',
    httpBodyEncoding: 'json',
    authMethod: '',
    basic_auth_user: '',
    basic_auth_pass: '',
    keyword: '',
    invertKeyword: false,
    jsonPath: '',
    expectedValue: '',
    hostname: '',
    port: '',
    packetSize: '56',
    dns_resolve_server: '1.1.1.1',
    dns_resolve_type: 'A',
    pushToken: '',
    proxyId: '',
    notificationIds: [],
    badgesPublic: false,
    extra: {},
  };
}

const text = (value: unknown): string =>
  value === null || value === undefined ? '' : String(value);

/**
 * The form for a monitor object from `getMonitor`. A clone gets a new name, no push token (the
 * server makes one; two monitors cannot share it) and its own badge switch off.
 */
export function monitorFormFrom(
  monitor: Readonly<Record<string, unknown>>,
  mode: 'edit' | 'clone',
  cloneName: (name: string) => string,
): MonitorForm {
  const base = emptyMonitorForm();
  const type = (MONITOR_TYPES as readonly string[]).includes(text(monitor.type))
    ? (monitor.type as MonitorType)
    : base.type;
  const codes = Array.isArray(monitor.accepted_statuscodes)
    ? monitor.accepted_statuscodes.map(text).join(', ')
    : base.accepted_statuscodes;
  const notifications = (monitor.notificationIDList ?? {}) as Record<string, unknown>;
  const extra: Record<string, unknown> = {};
  for (const key of EXTRA_MONITOR_FIELDS) if (monitor[key] !== undefined) extra[key] = monitor[key];
  return {
    type,
    name: mode === 'clone' ? cloneName(text(monitor.name)) : text(monitor.name),
    description: text(monitor.description),
    parent: text(monitor.parent),
    interval: text(monitor.interval),
    retryInterval: text(monitor.retryInterval),
    maxretries: text(monitor.maxretries),
    resendInterval: text(monitor.resendInterval),
    timeout: text(monitor.timeout),
    upsideDown: monitor.upsideDown === true,
    url: text(monitor.url),
    method: text(monitor.method) || base.method,
    accepted_statuscodes: codes,
    maxredirects: text(monitor.maxredirects),
    ignoreTls: monitor.ignoreTls === true,
    expiryNotification: monitor.expiryNotification === true,
    headers: text(monitor.headers),
    body: text(monitor.body),
    httpBodyEncoding: text(monitor.httpBodyEncoding) || base.httpBodyEncoding,
    authMethod: text(monitor.authMethod),
    basic_auth_user: text(monitor.basic_auth_user),
    basic_auth_pass: text(monitor.basic_auth_pass),
    keyword: text(monitor.keyword),
    invertKeyword: monitor.invertKeyword === true,
    jsonPath: text(monitor.jsonPath),
    expectedValue: text(monitor.expectedValue),
    hostname: text(monitor.hostname),
    port: text(monitor.port),
    packetSize: text(monitor.packetSize) || base.packetSize,
    dns_resolve_server: text(monitor.dns_resolve_server),
    dns_resolve_type: text(monitor.dns_resolve_type) || base.dns_resolve_type,
    pushToken: mode === 'clone' ? '' : text(monitor.pushToken),
    proxyId: text(monitor.proxyId),
    notificationIds: Object.entries(notifications)
      .filter(([, on]) => Boolean(on))
      .map(([id]) => Number(id))
      .filter(Number.isInteger),
    badgesPublic: mode === 'clone' ? false : monitor.badgesPublic === true,
    extra,
  };
}

/**
 * A number field as the server should see it: empty means "the default" (null), a number is
 * sent as one, and anything else is sent as typed so the server names the problem.
 */
function numberOrText(value: string): number | string | null {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : trimmed;
}

const orNull = (value: string): string | null => (value.trim() === '' ? null : value);

/** "200-299, 301" → ["200-299", "301"]; blanks dropped, entries as typed. */
export function parseStatusCodes(value: string): string[] {
  return value
    .split(/[,\s]+/)
    .map((code) => code.trim())
    .filter((code) => code !== '');
}

/** The `add` / `editMonitor` payload (docs/protocol/monitors.md#monitorinput): a complete object. */
export function monitorPayloadFrom(form: MonitorForm, id?: number): Record<string, unknown> {
  const proxyId = numberOrText(form.proxyId);
  return {
    ...form.extra,
    ...(id === undefined ? {} : { id }),
    type: form.type,
    name: form.name,
    description: orNull(form.description),
    parent: numberOrText(form.parent),
    interval: numberOrText(form.interval),
    retryInterval: numberOrText(form.retryInterval),
    maxretries: numberOrText(form.maxretries),
    resendInterval: numberOrText(form.resendInterval),
    timeout: numberOrText(form.timeout),
    upsideDown: form.upsideDown,
    url: orNull(form.url),
    method: form.method,
    accepted_statuscodes: parseStatusCodes(form.accepted_statuscodes),
    maxredirects: numberOrText(form.maxredirects),
    ignoreTls: form.ignoreTls,
    expiryNotification: form.expiryNotification,
    headers: orNull(form.headers),
    body: orNull(form.body),
    httpBodyEncoding: form.httpBodyEncoding,
    authMethod: form.authMethod,
    basic_auth_user: orNull(form.basic_auth_user),
    basic_auth_pass: orNull(form.basic_auth_pass),
    keyword: orNull(form.keyword),
    invertKeyword: form.invertKeyword,
    jsonPath: orNull(form.jsonPath),
    expectedValue: orNull(form.expectedValue),
    hostname: orNull(form.hostname),
    port: numberOrText(form.port),
    packetSize: numberOrText(form.packetSize),
    dns_resolve_server: orNull(form.dns_resolve_server),
    dns_resolve_type: form.dns_resolve_type,
    pushToken: orNull(form.pushToken),
    proxyId: typeof proxyId === 'number' ? proxyId : null,
    notificationIDList: Object.fromEntries(form.notificationIds.map((nid) => [String(nid), true])),
    badgesPublic: form.badgesPublic,
  };
}

/** The form field a refusal is about, from its `field` hint; null when none matches. */
export function formFieldOf(field: unknown, form: MonitorForm): MonitorFormField | null {
  if (typeof field !== 'string' || field === 'extra' || !(field in form)) return null;
  return field as MonitorFormField;
}

/** The push URL a push monitor's senders call (docs/protocol/http.md#push-endpoint). */
export function pushUrlOf(origin: string, token: string): string {
  return `${origin}/api/push/${token}?status=up&msg=OK&ping=`;
}

/** A tag on the monitor being edited: the link's tag, value and how it shows. */
export interface FormTag {
  tag_id: number;
  name: string;
  color: string;
  value: string;
}

/** The links to add and to delete so that `before` becomes `after` (same tag and value). */
export function diffTags(
  before: readonly FormTag[],
  after: readonly FormTag[],
): { added: FormTag[]; removed: FormTag[] } {
  const key = (tag: FormTag) => `${tag.tag_id}\u0000${tag.value}`;
  const beforeKeys = new Set(before.map(key));
  const afterKeys = new Set(after.map(key));
  return {
    added: after.filter((tag) => !beforeKeys.has(key(tag))),
    removed: before.filter((tag) => !afterKeys.has(key(tag))),
  };
}
