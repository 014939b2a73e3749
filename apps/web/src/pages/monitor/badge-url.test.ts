import { describe, expect, it } from 'vitest';
import { badgeSnippets, badgeUrl, DEFAULT_BADGE } from './badge-url.js';

const origin = 'http://localhost:3001';

describe('badgeUrl', () => {
  it('is the bare route for the defaults', () => {
    expect(badgeUrl(origin, 17, DEFAULT_BADGE)).toBe('http://localhost:3001/api/badge/17/status');
  });

  it('puts the duration in the path and only the options the kind reads in the query', () => {
    const url = badgeUrl(origin, 17, {
      ...DEFAULT_BADGE,
      kind: 'uptime',
      duration: '720',
      label: 'Shop uptime',
      color: '#00ff00',
      upColor: '#ignored',
      style: 'for-the-badge',
    });
    expect(url).toBe(
      'http://localhost:3001/api/badge/17/uptime/720?label=Shop+uptime&color=%2300ff00&style=for-the-badge',
    );
  });

  it('sends up and down colours for status but no label colour or duration', () => {
    const url = badgeUrl(origin, 3, {
      ...DEFAULT_BADGE,
      kind: 'status',
      duration: '48',
      labelColor: 'red',
      upColor: 'green',
      downColor: 'orange',
    });
    expect(url).toBe('http://localhost:3001/api/badge/3/status?upColor=green&downColor=orange');
  });
});

describe('badgeSnippets', () => {
  it('escapes the URL in the img tag and keeps it plain in Markdown', () => {
    const url = `${origin}/api/badge/1/ping?label=a&color=blue`;
    expect(badgeSnippets(url, 'Badge of "Shop"')).toEqual({
      img: '<img src="http://localhost:3001/api/badge/1/ping?label=a&amp;color=blue" alt="Badge of &#34;Shop&#34;">',
      markdown: `![Badge of "Shop"](${url})`,
    });
  });
});
