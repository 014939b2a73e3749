import { describe, expect, it } from 'vitest';
import { certExpiryColor, NA_COLOR, uptimeColor } from './badge-colors.js';

describe('uptimeColor', () => {
  it('is Kuma’s green at 100 % and its red at 0 %', () => {
    expect(uptimeColor(1)).toBe('#66c20a');
    expect(uptimeColor(0)).toBe('#c2290a');
  });

  it('follows HSL(10 + 80 × ratio, 90 %, 40 %) in between', () => {
    // Hue 50: the yellow halfway; hue 82: the almost-green of 90 %. Checked against a CSS
    // colour converter, which truncates where chroma-js (upstream) rounds: c1 ↔ c2.
    expect(uptimeColor(0.5)).toBe('#c2a30a');
    expect(uptimeColor(0.9)).toBe('#7ec20a');
    expect(uptimeColor(0.25)).toBe('#c2660a');
  });

  it('wraps the hue for demo values outside 0..1 and greys out non-numbers', () => {
    expect(uptimeColor(-0.125)).toBe('#c20a0a');
    expect(uptimeColor(5.5)).toBe(uptimeColor(5.5 - 4.5));
    expect(uptimeColor(Number.NaN)).toBe(NA_COLOR);
  });
});

describe('certExpiryColor', () => {
  const colors = { upColor: 'up', warnColor: 'warn', downColor: 'down' };
  const defaults = { warnDays: 14, downDays: 7 };

  it('is up above warnDays, warn above downDays, down at or below downDays', () => {
    expect(certExpiryColor(15, defaults, colors)).toBe('up');
    expect(certExpiryColor(14, defaults, colors)).toBe('warn');
    expect(certExpiryColor(8, defaults, colors)).toBe('warn');
    expect(certExpiryColor(7, defaults, colors)).toBe('down');
    expect(certExpiryColor(-3, defaults, colors)).toBe('down');
  });

  it('uses the thresholds it is given', () => {
    const custom = { warnDays: 30, downDays: 10 };
    expect(certExpiryColor(31, custom, colors)).toBe('up');
    expect(certExpiryColor(30, custom, colors)).toBe('warn');
    expect(certExpiryColor(10, custom, colors)).toBe('down');
  });
});
