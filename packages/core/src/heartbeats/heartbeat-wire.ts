import type { MonitorStatus } from '../monitors/monitor-status.js';
import { formatDateTimeMs } from './kuma-time.js';

export interface BeatFields {
  id?: number;
  monitorId: number;
  status: MonitorStatus | number;
  msg: string | null;
  time: Date;
  pingMs: number | null;
  durationSec: number;
  downCount: number;
  important: boolean;
}

/** docs/protocol/monitors.md#heartbeatjson, the live `heartbeat` push: boolean `important`, numeric `monitorID`. */
export function toHeartbeatJson(b: BeatFields) {
  return {
    monitorID: b.monitorId,
    status: b.status,
    time: formatDateTimeMs(b.time),
    msg: b.msg ?? '',
    ping: b.pingMs,
    important: b.important,
    duration: b.durationSec,
  };
}

/** docs/protocol/monitors.md#heartbeatjson as listed in `importantHeartbeatList`: `important` as 0/1. */
export function toImportantHeartbeatJson(b: BeatFields) {
  return { ...toHeartbeatJson(b), important: b.important ? 1 : 0 };
}

/** docs/protocol/monitors.md#heartbeatrow, raw rows of `heartbeatList` and `getMonitorBeats`: snake_case, bool01. */
export function toHeartbeatRowJson(b: BeatFields) {
  return {
    id: b.id ?? null,
    important: b.important ? 1 : 0,
    monitor_id: b.monitorId,
    status: b.status,
    msg: b.msg ?? '',
    time: formatDateTimeMs(b.time),
    ping: b.pingMs,
    duration: b.durationSec,
    down_count: b.downCount,
  };
}
