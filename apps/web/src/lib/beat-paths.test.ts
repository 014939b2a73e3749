import { describe, expect, it } from 'vitest';
import { BAR_BEATS } from './dashboard-state.js';
import { beatPaths } from './beat-paths.js';

describe('beatPaths', () => {
  it('draws one path per status, the newest beat at the right edge', () => {
    const paths = beatPaths('101');
    const right = (BAR_BEATS - 1) * 7 + 2.5;
    expect([...paths.keys()]).toEqual(['up', 'down']);
    expect(paths.get('up')).toBe(`M${right - 14} 2.5V11.5M${right} 2.5V11.5`);
    expect(paths.get('down')).toBe(`M${right - 7} 2.5V11.5`);
  });

  it('keeps only the last beats that fit and draws nothing for none', () => {
    const paths = beatPaths(`0${'1'.repeat(BAR_BEATS)}`);
    expect([...paths.keys()]).toEqual(['up']);
    expect(paths.get('up')!.match(/M/g)).toHaveLength(BAR_BEATS);
    expect(beatPaths('').size).toBe(0);
  });
});
