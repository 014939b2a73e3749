/**
 * The "sensitive" block of docs/protocol/monitors.md#monitor-object: credentials, request headers and bodies, TLS
 * client keys, connection strings and the push token (a write capability). Upstream leaves
 * them out of the monitor it hands to providers; Watchpost also leaves them out of what
 * read-only sessions receive (docs/protocol/api-keys.md#read-scope-keys).
 */
export const SENSITIVE_MONITOR_FIELDS = [
  'headers',
  'body',
  'basic_auth_user',
  'basic_auth_pass',
  'oauth_client_id',
  'oauth_client_secret',
  'oauth_token_url',
  'oauth_scopes',
  'oauth_auth_method',
  'pushToken',
  'databaseConnectionString',
  'radiusUsername',
  'radiusPassword',
  'radiusSecret',
  'radiusCalledStationId',
  'radiusCallingStationId',
  'mqttUsername',
  'mqttPassword',
  'authWorkstation',
  'authDomain',
  'tlsCa',
  'tlsCert',
  'tlsKey',
  'grpcBody',
  'grpcMetadata',
  'kafkaProducerSaslOptions',
] as const;

/** A copy of a monitor's wire object in upstream's `includeSensitiveData: false` form. */
export function withoutSensitiveMonitorFields(
  monitor: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...monitor };
  for (const field of SENSITIVE_MONITOR_FIELDS) delete copy[field];
  copy.includeSensitiveData = false;
  return copy;
}
