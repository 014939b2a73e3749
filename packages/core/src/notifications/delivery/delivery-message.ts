import { formatDateTime, formatDateTimeMs } from '../../heartbeats/kuma-time.js';
import { UP } from '../../monitors/monitor-status.js';
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
 * What providers get for a monitor's beat (notification-providers.md §1.2–§1.4): the text
 * "[name] [✅ Up] msg" / "[name] [🔴 Down] msg" built from the raw beat message, and the beat
 * object with "N/A" for an empty message. Times are UTC until tenants get a time zone setting.
 */
export function beatMessage(
  monitorId: number,
  monitorName: string,
  beat: DeliveryBeat,
  monitorJson: Record<string, unknown> | null,
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
      timezone: 'UTC',
      timezoneOffset: '+00:00',
      localDateTime: formatDateTime(time),
    },
  };
}

/** Certificate reminders and tests carry only their text (§1.2). */
export function textMessage(msg: string): NotificationMessage {
  return { msg, monitor: null, heartbeat: null };
}
