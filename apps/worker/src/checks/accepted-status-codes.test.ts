import { describe, expect, it } from 'vitest';
import { isStatusCodeAccepted } from './accepted-status-codes.js';

describe('isStatusCodeAccepted', () => {
  it('accepts a code inside an inclusive range', () => {
    expect(isStatusCodeAccepted(200, ['200-299'])).toBe(true);
    expect(isStatusCodeAccepted(299, ['200-299'])).toBe(true);
    expect(isStatusCodeAccepted(300, ['200-299'])).toBe(false);
    expect(isStatusCodeAccepted(199, ['200-299'])).toBe(false);
  });

  it('accepts a single listed code', () => {
    expect(isStatusCodeAccepted(404, ['404'])).toBe(true);
    expect(isStatusCodeAccepted(405, ['404'])).toBe(false);
  });

  it('accepts when any entry matches', () => {
    expect(isStatusCodeAccepted(404, ['200-299', '404'])).toBe(true);
    expect(isStatusCodeAccepted(302, ['200-299', '300-399'])).toBe(true);
  });

  it('tolerates whitespace around the numbers', () => {
    expect(isStatusCodeAccepted(250, [' 200 - 299 '])).toBe(true);
  });

  it('lets malformed entries accept nothing', () => {
    expect(isStatusCodeAccepted(200, [])).toBe(false);
    expect(isStatusCodeAccepted(200, ['abc'])).toBe(false);
    expect(isStatusCodeAccepted(200, ['100-200-300'])).toBe(false);
    expect(isStatusCodeAccepted(200, ['200-'])).toBe(false);
    expect(isStatusCodeAccepted(200, ['', 'x-y', '200'])).toBe(true);
  });
});
