/** Every `type` string Uptime Kuma 1.23 knows (docs/protocol/monitoring.md#monitor-types). */
export const MONITOR_TYPES = [
  'http',
  'keyword',
  'json-query',
  'grpc-keyword',
  'port',
  'ping',
  'dns',
  'docker',
  'real-browser',
  'push',
  'steam',
  'gamedig',
  'mqtt',
  'kafka-producer',
  'sqlserver',
  'postgres',
  'mysql',
  'mongodb',
  'redis',
  'radius',
  'group',
  'tailscale-ping',
] as const;

export type MonitorType = (typeof MONITOR_TYPES)[number];

/**
 * The types Watchpost's workers check (docs/protocol/monitoring.md#monitor-types); every other
 * type is stored and listed but each check answers DOWN saying its checker is not available.
 */
export const CHECKED_MONITOR_TYPES: readonly MonitorType[] = [
  'http',
  'keyword',
  'json-query',
  'port',
  'dns',
  'push',
  'group',
];

export const AUTH_METHODS = ['', 'basic', 'ntlm', 'mtls', 'oauth2-cc'] as const;
export type AuthMethod = (typeof AUTH_METHODS)[number];

/**
 * Type-specific settings Watchpost stores and returns verbatim but does not act on yet, by
 * their Kuma wire names (docs/protocol/monitors.md#monitor-object). They live in the `extra` column.
 */
export const EXTRA_MONITOR_FIELDS = [
  'docker_container',
  'docker_host',
  'mqttUsername',
  'mqttPassword',
  'mqttTopic',
  'mqttSuccessMessage',
  'databaseConnectionString',
  'databaseQuery',
  'authWorkstation',
  'authDomain',
  'grpcUrl',
  'grpcProtobuf',
  'grpcBody',
  'grpcMetadata',
  'grpcMethod',
  'grpcServiceName',
  'grpcEnableTls',
  'radiusUsername',
  'radiusPassword',
  'radiusCalledStationId',
  'radiusCallingStationId',
  'radiusSecret',
  'game',
  'gamedigGivenPortOnly',
  'kafkaProducerTopic',
  'kafkaProducerBrokers',
  'kafkaProducerSsl',
  'kafkaProducerAllowAutoTopicCreation',
  'kafkaProducerMessage',
  'kafkaProducerSaslOptions',
  'oauth_client_id',
  'oauth_client_secret',
  'oauth_token_url',
  'oauth_scopes',
  'oauth_auth_method',
  'tlsCa',
  'tlsCert',
  'tlsKey',
] as const;
