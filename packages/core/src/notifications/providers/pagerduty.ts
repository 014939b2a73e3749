import { sendRequest } from '../http.js';
import type { NotificationConfig, NotificationProvider, ProviderContext } from '../provider.js';
import { isUpBeat } from './provider-fields.js';

// The UI writes this on mount; scripted configs (the Python client marks the key optional)
// may leave it out, where upstream would fail on an undefined URL.
const DEFAULT_EVENTS_URL = 'https://events.pagerduty.com/v2/enqueue';

export const NO_ACTION_REQUIRED = 'No action required';

/**
 * PagerDuty Events API v2 (docs/protocol/notification-providers.md#pagerduty). Errors are raw (docs/protocol/notification-providers.md#error-texts): upstream's catch block never
 * runs, so the client sees "Request failed with status code 400" without prefix or body.
 * `client`/`client_url` are not sent, matching upstream, which computes them but attaches
 * them outside the body (docs/protocol/notification-providers.md#quirks-and-resolutions #2).
 */
export const pagerDutyProvider: NotificationProvider = {
  type: 'PagerDuty',
  async send(config, { msg, monitor, heartbeat }, context) {
    if (!heartbeat) {
      // Tests and certificate reminders: upstream posts a stand-in monitor without name or
      // id, so "[undefined]" and "Uptime Kuma/undefined" really are sent (docs/protocol/notification-providers.md#quirks-and-resolutions #4).
      return postEvent(config, context, {
        summary: `[Uptime Kuma Alert] [undefined] ${msg}`,
        source: 'Uptime Kuma Test Button',
        eventAction: 'trigger',
        dedupKey: 'Uptime Kuma/undefined',
      });
    }
    const dedupKey = `Uptime Kuma/${String(monitor?.id)}`;
    const source = monitor ? eventSource(monitor) : undefined;
    if (isUpBeat(heartbeat)) {
      const action = config.pagerdutyAutoResolve;
      // "0" is the UI's "do nothing"; upstream posts it as an event_action that PagerDuty
      // rejects (docs/protocol/notification-providers.md#quirks-and-resolutions #1), so it is treated as unset.
      if (!action || action === '0') return NO_ACTION_REQUIRED;
      return postEvent(config, context, {
        summary: `[Uptime Kuma Monitor ✅ Up] [${String(monitor?.name)}] ${String(heartbeat.msg)}`,
        source,
        eventAction: action,
        dedupKey,
      });
    }
    return postEvent(config, context, {
      summary: `[Uptime Kuma Monitor 🔴 Down] [${String(monitor?.name)}] ${String(heartbeat.msg)}`,
      source,
      eventAction: 'trigger',
      dedupKey,
    });
  },
};

interface PagerDutyEvent {
  summary: string;
  source: unknown;
  eventAction: unknown;
  dedupKey: string;
}

async function postEvent(
  config: NotificationConfig,
  { timeoutMs, egress }: Pick<ProviderContext, 'timeoutMs' | 'egress'>,
  event: PagerDutyEvent,
): Promise<string> {
  const response = await sendRequest({
    url:
      typeof config.pagerdutyIntegrationUrl === 'string' && config.pagerdutyIntegrationUrl
        ? config.pagerdutyIntegrationUrl
        : DEFAULT_EVENTS_URL,
    headers: { 'Content-Type': 'application/json' },
    body: {
      payload: {
        summary: event.summary,
        severity: config.pagerdutyPriority || 'warning',
        source: event.source,
      },
      routing_key: config.pagerdutyIntegrationKey,
      event_action: event.eventAction,
      dedup_key: event.dedupKey,
    },
    timeoutMs,
    egress,
  });
  return `PagerDuty notification succeed: ${response.statusText}`;
}

/** What PagerDuty shows as the source: host[:port] for port monitors, else host or URL. */
function eventSource(monitor: Record<string, unknown>): unknown {
  if (monitor.type === 'port') {
    return monitor.port ? `${String(monitor.hostname)}:${String(monitor.port)}` : monitor.hostname;
  }
  // Loose `!= null` as upstream: http monitors have a null hostname and show their URL.
  return monitor.hostname != null ? monitor.hostname : monitor.url;
}
