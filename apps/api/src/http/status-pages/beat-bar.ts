import { DOWN, MAINTENANCE, PENDING, UP } from '@watchpost/core';
import type { BarSegment } from './history-bar.js';
import { shortDay, timeOfDay } from './utc-dates.js';

/** How many of the latest beats a monitor's bar shows; it fits a 375 px phone. */
export const BEAT_SLOTS = 30;

export interface BarBeat {
  status: number;
  time: Date;
}

const BEAT_LOOK: Record<number, { look: BarSegment['look']; text: string }> = {
  [UP]: { look: 'u', text: 'Up' },
  [DOWN]: { look: 'd', text: 'Down' },
  [PENDING]: { look: 'p', text: 'Pending' },
  [MAINTENANCE]: { look: 'm', text: 'Maintenance' },
};

/**
 * The last beats (oldest first) as bar segments, newest on the right as in Kuma: a run of
 * beats with one status is one segment whose label gives the status and the run's times.
 * Missing beats on a young monitor are blank slots on the left.
 */
export function beatSegments(beats: readonly BarBeat[]): BarSegment[] {
  const shown = beats.slice(-BEAT_SLOTS);
  const segments: BarSegment[] = [];
  if (shown.length < BEAT_SLOTS) segments.push({ look: 'e', span: BEAT_SLOTS - shown.length });
  let start = 0;
  for (let i = 1; i <= shown.length; i++) {
    const first = shown[start];
    if (!first || (i < shown.length && shown[i]?.status === first.status)) continue;
    const last = shown[i - 1] ?? first;
    const look = BEAT_LOOK[first.status] ?? { look: 'e', text: 'Unknown' };
    const day = shortDay(first.time);
    const lastDay = shortDay(last.time);
    // The end's date is left out when it is the start's.
    const until = `${lastDay === day ? '' : `${lastDay} `}${timeOfDay(last.time)}`;
    const when =
      i - start === 1
        ? `${day} ${timeOfDay(first.time)} UTC`
        : `${day} ${timeOfDay(first.time)} – ${until} UTC, ${i - start} checks`;
    segments.push({ look: look.look, span: i - start, label: `${look.text} · ${when}` });
    start = i;
  }
  return segments;
}
