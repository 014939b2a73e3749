import type { Monitor } from '../monitors/monitor.js';
import type { Transition } from '../monitors/state-machine.js';
import type { BeatToRecord } from './record-beats.js';

/**
 * The row a state-machine transition stores, due again at `nextDueAt` (null keeps the stored
 * due time). Every path that turns an outcome into a beat (a check, a push, a missed push)
 * builds it here, so none of them can drop a field the others store.
 */
export function beatToRecord(
  monitor: Pick<Monitor, 'id' | 'tenantId'>,
  transition: Transition,
  nextDueAt: Date | null,
): BeatToRecord {
  return {
    tenantId: monitor.tenantId,
    monitorId: monitor.id,
    status: transition.beat.status,
    msg: transition.beat.msg,
    time: transition.beat.time,
    pingMs: transition.beat.pingMs,
    durationSec: transition.beat.durationSec,
    downCount: transition.beat.downCount,
    important: transition.beat.important,
    retries: transition.state.retries,
    nextDueAt,
    notify: transition.notify,
  };
}
