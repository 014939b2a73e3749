import type { MonitorType } from '@watchpost/core';
import { httpMonitorPayload } from './api-test-context.js';

/**
 * For each monitor type of docs/protocol/monitoring.md#monitor-types, the type-specific keys the Python client adds to its
 * `add` payload (docs/protocol/monitors.md#fields-per-monitor-type, docs/protocol/monitors.md#monitorinput) — `create` — and a second set of values an `editMonitor`
 * changes them to — `edit`. Values differ from the defaults so a field that is dropped or
 * defaulted on the way through shows up as a mismatch.
 */
export interface TypePayloads {
  create: Record<string, unknown>;
  edit: Record<string, unknown>;
}

const PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';

const httpFamily = (url: string): TypePayloads => ({
  create: {
    url,
    method: 'POST',
    body: '{"probe":true}',
    headers: '{"x-probe":"1"}',
    httpBodyEncoding: 'json',
    maxredirects: 3,
    accepted_statuscodes: ['200-299', '404'],
    ignoreTls: true,
    expiryNotification: true,
    timeout: 30,
    authMethod: 'basic',
    basic_auth_user: 'probe',
    basic_auth_pass: 'pw',
  },
  edit: {
    url: `${url}v2`,
    method: 'PUT',
    body: '<probe/>',
    httpBodyEncoding: 'xml',
    maxredirects: 0,
    accepted_statuscodes: ['300-399'],
    authMethod: 'oauth2-cc',
    oauth_auth_method: 'client_secret_post',
    oauth_token_url: 'https://auth.example.com/token',
    oauth_client_id: 'client',
    oauth_client_secret: 'shh',
    oauth_scopes: 'read write',
  },
});

export const TYPE_PAYLOADS: Record<Exclude<MonitorType, 'group'>, TypePayloads> = {
  http: httpFamily('https://example.com/'),
  keyword: {
    create: { ...httpFamily('https://example.com/').create, keyword: 'Welcome' },
    edit: {
      keyword: 'Goodbye',
      invertKeyword: true,
      authMethod: 'ntlm',
      basic_auth_user: 'u',
      basic_auth_pass: 'p',
      authDomain: 'CORP',
      authWorkstation: 'WS1',
    },
  },
  'json-query': {
    create: {
      ...httpFamily('https://example.com/').create,
      jsonPath: '$.status',
      expectedValue: 'ok',
    },
    edit: {
      jsonPath: 'data.count',
      expectedValue: '3',
      authMethod: 'mtls',
      tlsCert: PEM,
      tlsKey: PEM,
      tlsCa: PEM,
    },
  },
  'grpc-keyword': {
    create: {
      keyword: 'SERVING',
      invertKeyword: false,
      grpcUrl: 'grpc.example.com:50051',
      grpcEnableTls: true,
      grpcServiceName: 'grpc.health.v1.Health',
      grpcMethod: 'Check',
      grpcProtobuf: 'syntax = "proto3";',
      grpcBody: '{"service":""}',
      grpcMetadata: '{"auth":"x"}',
    },
    edit: {
      keyword: 'NOT_SERVING',
      invertKeyword: true,
      grpcEnableTls: false,
      grpcMethod: 'Watch',
    },
  },
  port: {
    create: { hostname: 'db.example.com', port: 5432 },
    edit: { hostname: '10.0.0.7', port: 6379 },
  },
  ping: {
    create: { hostname: 'example.com', packetSize: 64 },
    edit: { hostname: '192.0.2.1', packetSize: 1200 },
  },
  dns: {
    create: {
      hostname: 'example.com',
      port: 53,
      dns_resolve_server: '1.1.1.1',
      dns_resolve_type: 'A',
    },
    edit: {
      hostname: 'example.org',
      port: 5353,
      dns_resolve_server: '9.9.9.9',
      dns_resolve_type: 'MX',
    },
  },
  docker: {
    create: { docker_container: 'web-1', docker_host: 4 },
    edit: { docker_container: 'web-2', docker_host: 5 },
  },
  'real-browser': {
    create: { url: 'https://example.com/app' },
    edit: { url: 'https://example.com/login' },
  },
  push: {
    create: { pushToken: 'AbC123xYz9' },
    edit: { pushToken: 'Zz9Yy8Xx7W' },
  },
  steam: {
    create: { hostname: 'game.example.com', port: 27015 },
    edit: { hostname: 'game2.example.com', port: 27016 },
  },
  gamedig: {
    create: {
      game: 'minecraft',
      hostname: 'mc.example.com',
      port: 25565,
      gamedigGivenPortOnly: false,
    },
    edit: { game: 'csgo', port: 27015, gamedigGivenPortOnly: true },
  },
  mqtt: {
    create: {
      hostname: 'mqtt.example.com',
      port: 1883,
      mqttTopic: 'sensors/+/temp',
      mqttUsername: 'probe',
      mqttPassword: 'pw',
      mqttSuccessMessage: 'ok',
    },
    edit: { mqttTopic: 'sensors/kitchen', mqttSuccessMessage: '' },
  },
  'kafka-producer': {
    create: {
      kafkaProducerTopic: 'beats',
      kafkaProducerMessage: 'ping',
      kafkaProducerBrokers: ['kafka-1:9092', 'kafka-2:9092'],
      kafkaProducerSsl: true,
      kafkaProducerAllowAutoTopicCreation: true,
      kafkaProducerSaslOptions: { mechanism: 'plain', username: 'u', password: 'p' },
    },
    edit: {
      kafkaProducerBrokers: ['kafka-3:9092'],
      kafkaProducerSsl: false,
      kafkaProducerSaslOptions: { mechanism: 'None' },
    },
  },
  sqlserver: {
    create: {
      databaseConnectionString: 'Server=db;Database=app;User Id=sa;Password=pw;',
      databaseQuery: 'SELECT 1',
    },
    edit: { databaseQuery: 'SELECT 2' },
  },
  postgres: {
    create: {
      databaseConnectionString: 'postgres://probe:pw@db:5432/app',
      databaseQuery: 'SELECT 1',
    },
    edit: { databaseConnectionString: 'postgres://probe:pw@db2:5432/app' },
  },
  mysql: {
    create: {
      databaseConnectionString: 'mysql://probe@db:3306/app',
      databaseQuery: 'SELECT 1',
      radiusPassword: 'mysql-password',
    },
    edit: { databaseQuery: 'SELECT COUNT(*) FROM t' },
  },
  mongodb: {
    create: { databaseConnectionString: 'mongodb://probe:pw@db:27017' },
    edit: { databaseConnectionString: 'mongodb://probe:pw@db2:27017' },
  },
  redis: {
    create: { databaseConnectionString: 'redis://user:pw@cache:6379' },
    edit: { databaseConnectionString: 'redis://cache2:6379' },
  },
  radius: {
    create: {
      hostname: 'radius.example.com',
      port: 1812,
      radiusUsername: 'probe',
      radiusPassword: 'pw',
      radiusSecret: 'shared',
      radiusCalledStationId: 'AA-BB',
      radiusCallingStationId: 'CC-DD',
    },
    edit: { radiusSecret: 'rotated', port: 1645 },
  },
  'tailscale-ping': {
    create: { hostname: 'node.tailnet.ts.net' },
    edit: { hostname: 'other.tailnet.ts.net' },
  },
};

/** The common part of every Python `add` payload (docs/protocol/monitors.md#monitorinput), with `type` and `name`. */
export function pythonAddPayload(
  type: MonitorType,
  extra: Record<string, unknown>,
): Record<string, unknown> {
  // The Python client always sends the HTTP/host/dns/mqtt/database keys, whatever the type.
  return httpMonitorPayload({ type, name: `${type} monitor`, url: null, ...extra });
}
