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

export const AUTH_METHODS = ['', 'basic', 'ntlm', 'mtls', 'oauth2-cc'] as const;
export type AuthMethod = (typeof AUTH_METHODS)[number];
