import { describe, expect, it } from 'vitest';
import { chromeVersion } from './host-programs.js';

describe('chromeVersion', () => {
  it.each([
    ['Chromium 120.0.6099.224 built on Debian 12.4, running on Debian 12.5', '120.0.6099.224'],
    ['Google Chrome 119.0.6045.159 ', '119.0.6045.159'],
    ['Chromium 90.0 snap', '90.0'],
  ])('reads the version out of %j', (output, version) => {
    expect(chromeVersion(output)).toBe(version);
  });

  it('answers null for output without a version', () => {
    expect(chromeVersion('command not found')).toBeNull();
  });
});
