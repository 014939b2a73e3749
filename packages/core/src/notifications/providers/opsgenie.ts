import { sendRequest } from '../http.js';
import { SENT_SUCCESSFULLY, type NotificationProvider } from '../provider.js';
import { isUpBeat, requireConfigText } from './provider-fields.js';

export interface OpsgenieHosts {
  us: string;
  eu: string;
}

const OPSGENIE_HOSTS: OpsgenieHosts = {
  us: 'https://api.opsgenie.com',
  eu: 'https://api.eu.opsgenie.com',
};

const TEST_ALIAS = 'uptime-kuma-notification-test';

/**
 * Opsgenie Alert API (docs/protocol/notification-providers.md#opsgenie). A DOWN opens an alert whose alias is the monitor name; an
 * UP closes it by that alias. Errors are raw (docs/protocol/notification-providers.md#error-texts): upstream's catch block never runs.
 * `hosts` exists so tests can point it at a local fake; the registered instance always talks
 * to Opsgenie.
 */
export function createOpsgenieProvider(
  hosts: OpsgenieHosts = OPSGENIE_HOSTS,
): NotificationProvider {
  return {
    type: 'Opsgenie',
    async send(config, { msg, monitor, heartbeat }, { timeoutMs, egress }) {
      // Anything but "eu", including a missing region, is the US instance.
      const alerts = `${config.opsgenieRegion === 'eu' ? hosts.eu : hosts.us}/v2/alerts`;
      const headers = {
        'Content-Type': 'application/json',
        Authorization: `GenieKey ${requireConfigText(config, 'opsgenieApiKey')}`,
      };
      let url = alerts;
      let body: Record<string, unknown>;
      if (!heartbeat) {
        // Certificate reminders share this fixed alias too, so a second one is de-duplicated
        // by Opsgenie while the first is open (docs/protocol/notification-providers.md#quirks-and-resolutions #4).
        body = { message: msg, alias: TEST_ALIAS, source: 'Uptime Kuma', priority: 'P5' };
      } else if (isUpBeat(heartbeat)) {
        url = `${alerts}/${encodeURIComponent(String(monitor?.name))}/close?identifierType=alias`;
        body = { source: 'Uptime Kuma' };
      } else {
        body = {
          message: monitor ? `Uptime Kuma Alert: ${String(monitor.name)}` : 'Uptime Kuma Alert',
          // The name, not the id: renaming a monitor while it is down leaves its alert open.
          alias: monitor?.name,
          description: msg,
          source: 'Uptime Kuma',
          priority: `P${String(config.opsgeniePriority || 3)}`,
        };
      }
      await sendRequest({ url, headers, body, timeoutMs, egress });
      return SENT_SUCCESSFULLY;
    },
  };
}

export const opsgenieProvider = createOpsgenieProvider();
