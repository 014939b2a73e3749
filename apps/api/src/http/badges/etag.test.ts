import { describe, expect, it } from 'vitest';
import { matchesIfNoneMatch, strongEtag } from './etag.js';

describe('strongEtag', () => {
  it('is a quoted tag that depends only on the bytes', () => {
    const tag = strongEtag('<svg/>');
    expect(tag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(strongEtag(Buffer.from('<svg/>'))).toBe(tag);
    expect(strongEtag('<svg />')).not.toBe(tag);
  });
});

describe('matchesIfNoneMatch', () => {
  const tag = '"abc"';

  it('matches the tag, a list holding it, its weak form and *', () => {
    expect(matchesIfNoneMatch('"abc"', tag)).toBe(true);
    expect(matchesIfNoneMatch('"x", "abc"', tag)).toBe(true);
    expect(matchesIfNoneMatch('W/"abc"', tag)).toBe(true);
    expect(matchesIfNoneMatch('*', tag)).toBe(true);
    expect(matchesIfNoneMatch(['"x"', '"abc"'], tag)).toBe(true);
  });

  it('does not match other tags or a missing header', () => {
    expect(matchesIfNoneMatch(undefined, tag)).toBe(false);
    expect(matchesIfNoneMatch('"abcd"', tag)).toBe(false);
    expect(matchesIfNoneMatch('abc', tag)).toBe(false);
    expect(matchesIfNoneMatch('', tag)).toBe(false);
  });
});
