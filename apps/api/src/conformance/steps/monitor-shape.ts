import { expect } from 'vitest';
import { nullOr } from '../conformance-step.js';

// docs/protocol/monitors.md#monitor-object: the monitor object of `monitorList` and `getMonitor`. Every key is always
// present; booleans are JSON booleans. Watchpost may add keys of its own, so this checks
// the spec's keys and their types, not the absence of others.

// prettier-ignore
const BOOLEAN_KEYS = [
  'active', 'forceInactive', 'invertKeyword', 'expiryNotification', 'ignoreTls', 'upsideDown',
  'grpcEnableTls', 'gamedigGivenPortOnly', 'kafkaProducerSsl',
  'kafkaProducerAllowAutoTopicCreation', 'maintenance', 'includeSensitiveData',
];

// prettier-ignore
const NUMBER_KEYS = [
  'id', 'maxretries', 'weight', 'timeout', 'interval', 'retryInterval', 'resendInterval',
  'packetSize', 'maxredirects',
];

const NUMBER_OR_NULL_KEYS = ['parent', 'port', 'docker_host', 'proxyId'];

const STRING_KEYS = ['name', 'pathName', 'method', 'type'];

// prettier-ignore
const STRING_OR_NULL_KEYS = [
  'description', 'url', 'hostname', 'keyword', 'dns_resolve_type', 'dns_resolve_server',
  'dns_last_result', 'docker_container', 'mqttTopic', 'mqttSuccessMessage', 'databaseQuery',
  'authMethod', 'grpcUrl', 'grpcProtobuf', 'grpcMethod', 'grpcServiceName',
  'radiusCalledStationId', 'radiusCallingStationId', 'game', 'httpBodyEncoding', 'jsonPath',
  'expectedValue', 'kafkaProducerTopic', 'kafkaProducerMessage', 'screenshot', 'headers',
  'body', 'grpcBody', 'grpcMetadata', 'basic_auth_user', 'basic_auth_pass', 'oauth_client_id',
  'oauth_client_secret', 'oauth_token_url', 'oauth_scopes', 'oauth_auth_method', 'pushToken',
  'databaseConnectionString', 'radiusUsername', 'radiusPassword', 'radiusSecret',
  'mqttUsername', 'mqttPassword', 'authWorkstation', 'authDomain', 'tlsCa', 'tlsCert', 'tlsKey',
];

const arrayOrNull = {
  asymmetricMatch: (value: unknown) => value === null || Array.isArray(value),
  toString: () => 'array or null',
  toAsymmetricMatcher: () => 'array or null',
};

const objectOrNull = {
  asymmetricMatch: (value: unknown) => value === null || typeof value === 'object',
  toString: () => 'object or null',
  toAsymmetricMatcher: () => 'object or null',
};

/** The docs/protocol/monitors.md#monitor-object shape: every key with its type. */
export const MONITOR_SHAPE: Record<string, unknown> = {
  ...Object.fromEntries(BOOLEAN_KEYS.map((key) => [key, expect.any(Boolean)])),
  ...Object.fromEntries(NUMBER_KEYS.map((key) => [key, expect.any(Number)])),
  ...Object.fromEntries(NUMBER_OR_NULL_KEYS.map((key) => [key, nullOr('number')])),
  ...Object.fromEntries(STRING_KEYS.map((key) => [key, expect.any(String)])),
  ...Object.fromEntries(STRING_OR_NULL_KEYS.map((key) => [key, nullOr('string')])),
  childrenIDs: expect.any(Array),
  accepted_statuscodes: expect.any(Array),
  tags: expect.any(Array),
  notificationIDList: expect.any(Object),
  kafkaProducerBrokers: arrayOrNull,
  kafkaProducerSaslOptions: objectOrNull,
};

/** Checks every docs/protocol/monitors.md#monitor-object key is there with its type, then the given values. */
export function expectMonitorShape(monitor: unknown, values: Record<string, unknown> = {}): void {
  const keys = Object.keys(monitor as object);
  expect(keys).toEqual(expect.arrayContaining(Object.keys(MONITOR_SHAPE)));
  expect(monitor).toMatchObject({ ...MONITOR_SHAPE, ...values });
}
