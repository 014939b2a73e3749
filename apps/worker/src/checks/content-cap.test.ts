import { describe, expect, it } from 'vitest';
import { capContent, MAX_CONTENT_CHARS } from './content-cap.js';

describe('capContent', () => {
  it('keeps text up to the cap and cuts longer text to the cap, ending in "..."', () => {
    const atCap = 'a'.repeat(MAX_CONTENT_CHARS);
    expect(capContent(atCap)).toBe(atCap);
    const cut = capContent(`${atCap}b`);
    expect(cut).toHaveLength(MAX_CONTENT_CHARS);
    expect(cut).toBe(`${'a'.repeat(MAX_CONTENT_CHARS - 3)}...`);
  });
});
