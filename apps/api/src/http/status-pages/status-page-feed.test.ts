import { describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { renderIncidentFeed } from './status-page-feed.js';

const incident = (
  id: number,
  title: string,
  content: string,
  created: string,
  updated?: string,
) => ({
  id,
  title,
  content,
  style: 'danger',
  pin: false,
  createdAt: new Date(created),
  lastUpdatedAt: updated ? new Date(updated) : null,
});

describe('renderIncidentFeed', () => {
  const xml = renderIncidentFeed({
    title: 'Acme & Co',
    pageUrl: 'https://status.acme.com/status/main',
    feedUrl: 'https://status.acme.com/status/main/feed.atom',
    incidents: [
      incident(
        2,
        'Mail <delayed>',
        'Queue **drained**.\n<script>x</script>',
        '2026-12-06T09:00:00Z',
        '2026-12-07T08:00:00Z',
      ),
      incident(1, 'Slow API', 'Fixed.', '2026-12-01T10:00:00Z'),
    ],
    now: new Date('2026-12-07T12:00:00Z'),
  });

  it('is well-formed Atom with one entry per incident, newest first', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    const { feed } = new XMLParser({ ignoreAttributes: false }).parse(xml);
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.title).toBe('Acme & Co incidents');
    expect(feed.updated).toBe('2026-12-07T08:00:00.000Z');
    expect(feed.entry.map((e: { title: string }) => e.title)).toEqual([
      'Mail <delayed>',
      'Slow API',
    ]);
    expect(feed.entry[0].id).toBe('https://status.acme.com/status/main#incident-2');
    expect(feed.entry[1].updated).toBe('2026-12-01T10:00:00.000Z');
  });

  it('carries the Markdown as escaped HTML, never as live markup', () => {
    expect(xml).toContain('&lt;strong&gt;drained&lt;/strong&gt;');
    expect(xml).not.toContain('<script>');
    expect(xml).toContain('&amp;lt;script&amp;gt;');
  });

  it('is valid without incidents', () => {
    const empty = renderIncidentFeed({
      title: 'T',
      pageUrl: 'http://h/status/t',
      feedUrl: 'http://h/status/t/feed.atom',
      incidents: [],
      now: new Date('2026-12-07T12:00:00Z'),
    });
    expect(XMLValidator.validate(empty)).toBe(true);
    expect(empty).toContain('<updated>2026-12-07T12:00:00.000Z</updated>');
  });
});
