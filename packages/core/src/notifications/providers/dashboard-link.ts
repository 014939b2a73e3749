import type { NotificationConfig } from '../provider.js';

/**
 * The monitor's dashboard link (docs/protocol/notification-providers.md#shared-texts). Upstream copies the deprecated `slackbutton` /
 * `rocketbutton` key into an empty `primaryBaseURL` setting (docs/protocol/notification-providers.md#primarybaseurl); a provider here does not
 * write settings, so it only uses that key as the base for this message.
 */
export function dashboardLink(
  config: NotificationConfig,
  baseUrl: string | null,
  monitor: Record<string, unknown> | null,
  deprecatedKey: 'slackbutton' | 'rocketbutton' = 'slackbutton',
): string | null {
  const legacy = config[deprecatedKey];
  const base = baseUrl || (typeof legacy === 'string' ? legacy.replace(/\/+$/, '') : '');
  return base && monitor ? `${base}/dashboard/${String(monitor.id)}` : null;
}
