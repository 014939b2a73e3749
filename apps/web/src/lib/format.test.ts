import { describe, expect, it } from 'vitest';
import { displayStatus, formatPing, formatUptime, unpackBeats } from './format.js';

describe('formatUptime', () => {
  it('shows whole percentages without decimals', () => {
    expect(formatUptime(1)).toBe('100%');
    expect(formatUptime(0)).toBe('0%');
  });

  it('rounds down to two decimals, so 99.999% never shows as 100%', () => {
    expect(formatUptime(0.99999)).toBe('99.99%');
    expect(formatUptime(0.9987)).toBe('99.87%');
    expect(formatUptime(0.5)).toBe('50%');
  });

  it('shows a dash when there is no figure', () => {
    expect(formatUptime(null)).toBe('–');
    expect(formatUptime(Number.NaN)).toBe('–');
  });
});

describe('formatPing', () => {
  it('shows milliseconds below a second and seconds above', () => {
    expect(formatPing(143.4)).toBe('143 ms');
    expect(formatPing(1250)).toBe('1.25 s');
    expect(formatPing(2000)).toBe('2 s');
    expect(formatPing(null)).toBe('–');
  });
});

describe('displayStatus', () => {
  it('says paused for an inactive monitor whatever its last beat', () => {
    expect(displayStatus({ active: false, maintenance: false, status: 0 })).toBe('paused');
  });

  it('says maintenance for a monitor in a window even before a beat', () => {
    expect(displayStatus({ active: true, maintenance: true, status: null })).toBe('maintenance');
  });

  it('follows the latest beat otherwise', () => {
    expect(displayStatus({ active: true, maintenance: false, status: 0 })).toBe('down');
    expect(displayStatus({ active: true, maintenance: false, status: 2 })).toBe('pending');
    expect(displayStatus({ active: true, maintenance: false, status: null })).toBe('unknown');
  });
});

describe('unpackBeats', () => {
  it('turns each digit into the status of one beat, oldest first', () => {
    expect(unpackBeats('1023')).toEqual(['up', 'down', 'pending', 'maintenance']);
    expect(unpackBeats('')).toEqual([]);
  });
});
