import { formatDateTimeMs } from '../../heartbeats/kuma-time.js';
import { UP } from '../../monitors/monitor-status.js';
import { zonedDateTime } from '../../settings/tenant-time-zone.js';
import type { NotificationMessage } from '../provider.js';

/** The beat a delivery carries, as stored with it. */
export interface DeliveryBeat {
  status: number;
  msg: string;
  time: string;
  ping: number | null;
  duration: number;
  important: boolean;
}

/**
 * What providers get for a monitor's beat (docs/protocol/notification-providers.md#when-providers-are-called–docs/protocol/notification-providers.md#heartbeatjson): the text
 * "[name] [✅ Up] msg" / "[name] [🔴 Down] msg" built from the raw beat message, and the beat
 * object with "N/A" for an empty message. `time` stays UTC as upstream's; the zone fields
 * report the beat in `timeZone`, the tenant's effective zone.
 */
export function beatMessage(
  monitorId: number,
  monitorName: string,
  beat: DeliveryBeat,
  monitorJson: Record<string, unknown> | null,
  timeZone: string,
): NotificationMessage {
  const word = beat.status === UP ? '✅ Up' : '🔴 Down';
  const time = new Date(beat.time);
  return {
    msg: `[${monitorName}] [${word}] ${beat.msg}`,
    monitor: monitorJson ?? { id: monitorId, name: monitorName },
    heartbeat: {
      monitorID: monitorId,
      status: beat.status,
      time: formatDateTimeMs(time),
      msg: beat.msg || 'N/A',
      ping: beat.ping,
      important: beat.important,
      duration: beat.duration,
      ...zonedDateTime(time, timeZone),
    },
  };
}

/** Certificate reminders and tests carry only their text (docs/protocol/notification-providers.md#when-providers-are-called). */
export function textMessage(msg: string): NotificationMessage {
  return { msg, monitor: null, heartbeat: null };
}
