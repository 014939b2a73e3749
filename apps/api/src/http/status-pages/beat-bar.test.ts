import { describe, expect, it } from 'vitest';
import { DOWN, UP } from '@watchpost/core';
import { BEAT_SLOTS, beatSegments } from './beat-bar.js';

const at = (minute: number) => new Date(Date.UTC(2026, 11, 7, 12, minute));

describe('beatSegments', () => {
  it('pads a young monitor on the left and names each run with its status and times', () => {
    const segments = beatSegments([
      { status: UP, time: at(0) },
      { status: UP, time: at(1) },
      { status: DOWN, time: at(2) },
    ]);
    expect(segments).toEqual([
      { look: 'e', span: BEAT_SLOTS - 3 },
      { look: 'u', span: 2, label: 'Up · Dec 7 12:00:00 – 12:01:00 UTC, 2 checks' },
      { look: 'd', span: 1, label: 'Down · Dec 7 12:02:00 UTC' },
    ]);
  });

  it('keeps only the latest BEAT_SLOTS beats and fills every slot', () => {
    const beats = Array.from({ length: 50 }, (_, i) => ({
      status: i % 2 ? UP : DOWN,
      time: at(i),
    }));
    const segments = beatSegments(beats);
    expect(segments.reduce((n, s) => n + s.span, 0)).toBe(BEAT_SLOTS);
    expect(segments.at(-1)?.label).toBe('Up · Dec 7 12:49:00 UTC');
  });

  it('gives the end date of a run that crosses midnight', () => {
    const late = new Date(Date.UTC(2026, 11, 7, 23, 59));
    const early = new Date(Date.UTC(2026, 11, 8, 0, 1));
    expect(
      beatSegments([
        { status: UP, time: late },
        { status: UP, time: early },
      ]).at(-1)?.label,
    ).toBe('Up · Dec 7 23:59:00 – Dec 8 00:01:00 UTC, 2 checks');
  });
});
