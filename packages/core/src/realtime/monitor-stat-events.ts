import type { TlsInfo } from '../checks/tls-info.js';
import type { ServerEvent } from '../protocol/server-events.js';
import { averagePing, uptimeRatio, type WindowStats } from '../stats/window-stats.js';

/**
 * The per-monitor statistics pushes that follow every heartbeat and close the login burst
 * (docs/protocol/transport.md#server-pushes): `avgPing`, `uptime` for 24 h and 720 h (3 arguments each, docs/protocol/transport.md#push-arities), and
 * `certInfo` as a JSON *string* when TLS facts exist (docs/protocol/compatibility.md#json-inside-strings). `monitorId` is a number after
 * a beat and a numeric string in the burst, as upstream does.
 */
export function monitorStatEvents(
  monitorId: number | string,
  stats: { day: WindowStats | undefined; month: WindowStats | undefined },
  currentlyUp: boolean,
  tls: TlsInfo | null,
): ServerEvent[] {
  const events: ServerEvent[] = [
    ['avgPing', monitorId, averagePing(stats.day)],
    ['uptime', monitorId, 24, uptimeRatio(stats.day, currentlyUp)],
    ['uptime', monitorId, 720, uptimeRatio(stats.month, currentlyUp)],
  ];
  if (tls) events.push(['certInfo', monitorId, JSON.stringify(tls)]);
  return events;
}
