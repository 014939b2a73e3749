import { describe, expect, it } from 'vitest';
import { compareVersions, isVersionText } from './backup-version.js';

describe('compareVersions', () => {
  it('compares each component as a number, not as text', () => {
    expect(compareVersions('1.10.0', '1.9.9')).toBe(1);
    expect(compareVersions('1.23.3', '1.7.0')).toBe(1);
    expect(compareVersions('1.6.5', '1.7.0')).toBe(-1);
    expect(compareVersions('1.7.0', '1.7.0')).toBe(0);
  });

  it('treats missing components as 0 and ignores pre-release suffixes', () => {
    expect(compareVersions('1.7', '1.7.0')).toBe(0);
    expect(compareVersions('2', '1.99.99')).toBe(1);
    expect(compareVersions('1.23.0-beta.1', '1.23.0')).toBe(0);
    expect(compareVersions('v1.8.0', '1.7.0')).toBe(1);
  });
});

describe('isVersionText', () => {
  it('accepts dotted numbers and refuses anything else', () => {
    expect(isVersionText('1.23.3')).toBe(true);
    expect(isVersionText('1.23.0-beta.1')).toBe(true);
    expect(isVersionText('latest')).toBe(false);
    expect(isVersionText('')).toBe(false);
  });
});
