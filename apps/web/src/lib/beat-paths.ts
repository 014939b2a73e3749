import { BAR_BEATS } from './dashboard-state.js';
import { unpackBeats, type DisplayStatus } from './format.js';

const PITCH = 7; // a 5px beat and a 2px gap
export const BEAT_BAR_WIDTH = BAR_BEATS * PITCH - 2;
export const BEAT_BAR_HEIGHT = 14;

/**
 * A packed beat bar (`"1102"`, oldest first) as one SVG path per status: a vertical stroke
 * (drawn with round caps) per beat, the newest at the right edge, as in Kuma's bar.
 */
export function beatPaths(packed: string): Map<DisplayStatus, string> {
  const beats = unpackBeats(packed.slice(-BAR_BEATS));
  const offset = BAR_BEATS - beats.length;
  const paths = new Map<DisplayStatus, string>();
  beats.forEach((status, i) => {
    const x = (offset + i) * PITCH + 2.5;
    paths.set(status, `${paths.get(status) ?? ''}M${x} 2.5V${BEAT_BAR_HEIGHT - 2.5}`);
  });
  return paths;
}
