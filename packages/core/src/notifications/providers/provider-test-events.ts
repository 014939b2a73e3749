import { ALLOW_PRIVATE } from '../../egress/egress-policy.js';
import type { NotificationMessage, ProviderContext } from '../provider.js';

/**
 * Realistic provider inputs for tests (docs/protocol/notification-providers.md#when-providers-are-called, docs/protocol/notification-providers.md#heartbeatjson, docs/protocol/notification-providers.md#monitorjson): the monitor object without
 * secrets, the beat as `heartbeatJSON`, and the `msg` Kuma composes from them. Tests only.
 */

export const TEST_CONTEXT: ProviderContext = {
  baseUrl: null,
  timeoutMs: 5000,
  // The fake services listen on loopback.
  egress: ALLOW_PRIVATE,
};

/** Nothing listens on port 1, so connecting is refused at once. */
export const REFUSED_URL = 'http://127.0.0.1:1';

export function makeMonitorJSON(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 7,
    name: 'Shop API',
    description: null,
    pathName: 'Shop API',
    parent: null,
    url: 'https://shop.example/health',
    method: 'GET',
    hostname: null,
    port: null,
    type: 'http',
    interval: 60,
    active: true,
    docker_host: null,
    notificationIDList: { '1': true },
    tags: [],
    includeSensitiveData: false,
    ...overrides,
  };
}

export function makeHeartbeatJSON(
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    monitorID: 7,
    status: 0,
    time: '2024-05-01 12:00:00.000',
    msg: 'Request failed with status code 503',
    ping: null,
    important: true,
    duration: 60,
    timezone: 'Europe/Berlin',
    timezoneOffset: '+02:00',
    localDateTime: '2024-05-01 14:00:00',
    ...overrides,
  };
}

export function downEvent(monitor = makeMonitorJSON()): NotificationMessage {
  const heartbeat = makeHeartbeatJSON({ monitorID: monitor.id });
  return {
    msg: `[${String(monitor.name)}] [🔴 Down] ${String(heartbeat.msg)}`,
    monitor,
    heartbeat,
  };
}

export function upEvent(monitor = makeMonitorJSON()): NotificationMessage {
  const heartbeat = makeHeartbeatJSON({
    monitorID: monitor.id,
    status: 1,
    msg: '200 - OK',
    ping: 123,
    time: '2024-05-01 12:05:00.000',
    localDateTime: '2024-05-01 14:05:00',
  });
  return { msg: `[${String(monitor.name)}] [✅ Up] ${String(heartbeat.msg)}`, monitor, heartbeat };
}

/** What `testNotification` passes (and certificate-expiry reminders share this shape). */
export function testMessage(notificationName = 'My Alert (1)'): NotificationMessage {
  return { msg: `${notificationName} Testing`, monitor: null, heartbeat: null };
}
