import { toKumaMonitor } from '../../monitors/kuma-monitor.js';
import type { Monitor } from '../../monitors/monitor.js';

/** Fields upstream leaves out of the monitor it hands to providers (docs/protocol/notification-providers.md#monitorjson). */
const SENSITIVE_FIELDS = [
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
];

/**
 * The monitor object providers receive: docs/protocol/monitors.md#monitor-object without secrets, because the generic
 * webhook forwards it whole to whatever URL the user typed.
 */
export function toProviderMonitorJson(monitor: Monitor): Record<string, unknown> {
  const json = toKumaMonitor(monitor, {
    pathName: monitor.name,
    childrenIDs: [],
    forceInactive: false,
    notificationIds: [],
    tags: [],
    maintenance: false,
  });
  for (const field of SENSITIVE_FIELDS) delete json[field];
  json.includeSensitiveData = false;
  return json;
}
