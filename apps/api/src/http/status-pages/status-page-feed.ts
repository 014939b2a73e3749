import type { Incident } from '@watchpost/core/db';
import { escapeHtml } from './escape-html.js';
import { renderMarkdown } from './status-markdown.js';

export interface IncidentFeed {
  title: string;
  /** Absolute URLs of the page and of the feed itself. */
  pageUrl: string;
  feedUrl: string;
  /** Newest first. */
  incidents: readonly Incident[];
  now: Date;
}

function renderEntry(incident: Incident, pageUrl: string): string {
  const updated = incident.lastUpdatedAt ?? incident.createdAt;
  return `<entry>
<title>${escapeHtml(incident.title)}</title>
<id>${escapeHtml(`${pageUrl}#incident-${incident.id}`)}</id>
<link rel="alternate" type="text/html" href="${escapeHtml(pageUrl)}"/>
<published>${incident.createdAt.toISOString()}</published>
<updated>${updated.toISOString()}</updated>
<category term="${escapeHtml(incident.style)}"/>
<content type="html">${escapeHtml(renderMarkdown(incident.content))}</content>
</entry>`;
}

/**
 * The page's incidents as an Atom feed (RFC 4287), newest first, their Markdown rendered
 * as on the page (and escaped once more as the text of `content type="html"`).
 */
export function renderIncidentFeed(feed: IncidentFeed): string {
  const newest = feed.incidents.reduce<Date | undefined>((latest, incident) => {
    const updated = incident.lastUpdatedAt ?? incident.createdAt;
    return latest && latest >= updated ? latest : updated;
  }, undefined);
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>${escapeHtml(`${feed.title} incidents`)}</title>
<id>${escapeHtml(feed.feedUrl)}</id>
<link rel="self" type="application/atom+xml" href="${escapeHtml(feed.feedUrl)}"/>
<link rel="alternate" type="text/html" href="${escapeHtml(feed.pageUrl)}"/>
<updated>${(newest ?? feed.now).toISOString()}</updated>
<author><name>${escapeHtml(feed.title)}</name></author>
<generator>Watchpost</generator>
${feed.incidents.map((incident) => renderEntry(incident, feed.pageUrl)).join('\n')}
</feed>
`;
}
