import { memo } from 'react';
import { BEAT_BAR_HEIGHT, BEAT_BAR_WIDTH, beatPaths } from '../../lib/beat-paths.js';

/**
 * A summary's last beats (packed digits, oldest first) as one small SVG: one path per status
 * instead of a DOM node per beat, so a screen of rows costs a few dozen nodes, not thousands.
 * The newest beat sits at the right edge, as in Kuma's bar.
 */
export const BeatBar = memo(function BeatBar({ beats }: { beats: string }) {
  return (
    <span className="beat-bar" aria-hidden="true">
      <svg
        width={BEAT_BAR_WIDTH}
        height={BEAT_BAR_HEIGHT}
        viewBox={`0 0 ${BEAT_BAR_WIDTH} ${BEAT_BAR_HEIGHT}`}
      >
        {[...beatPaths(beats)].map(([status, path]) => (
          <path key={status} className={`status-${status}`} d={path} />
        ))}
      </svg>
    </span>
  );
});
