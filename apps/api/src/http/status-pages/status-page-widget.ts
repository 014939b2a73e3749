import { z } from 'zod';
import { escapeHtml } from './escape-html.js';
import { OVERALL_LOOK, type OverallStatus } from './overall-status.js';

/** Query of `GET /status/:slug/widget.svg` and `GET /status/:slug/widget`. */
export const widgetQuerySchema = z.object({
  theme: z.enum(['light', 'dark'], 'Invalid theme').default('light'),
});
export type WidgetQuery = z.output<typeof widgetQuerySchema>;

const VERDICT_COLOR: Record<OverallStatus, string> = {
  operational: '#5cdd8b',
  partial: '#f8a306',
  degraded: '#dc3545',
  maintenance: '#1747f5',
  unknown: '#6c757d',
};
const THEMES = {
  light: { card: '#ffffff', border: '#e9ecef', text: '#212529', muted: '#6c757d' },
  dark: { card: '#161b22', border: '#2a313a', text: '#e6e6e6', muted: '#9aa4ae' },
};
// Long titles are cut to what fits the card's 280 px at 13 px.
const MAX_TITLE_CHARS = 30;

const shorten = (title: string) =>
  title.length > MAX_TITLE_CHARS ? `${title.slice(0, MAX_TITLE_CHARS - 1)}…` : title;

/**
 * The embeddable status widget: a 280 × 56 card with the page's title and its verdict, in
 * words and with an icon, for `<a href="…/status/main"><img src="…/widget.svg"></a>`.
 */
export function renderStatusWidget(
  title: string,
  verdict: OverallStatus,
  query: WidgetQuery,
): string {
  const look = OVERALL_LOOK[verdict];
  const theme = THEMES[query.theme];
  const shortTitle = shorten(title);
  const label = escapeHtml(`${title}: ${look.text}`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="280" height="56" viewBox="0 0 280 56" role="img" aria-label="${label}">
<title>${label}</title>
<rect x="0.5" y="0.5" width="279" height="55" rx="8" fill="${theme.card}" stroke="${theme.border}"/>
<circle cx="28" cy="28" r="14" fill="${VERDICT_COLOR[verdict]}"/>
<text x="28" y="33" text-anchor="middle" font-family="system-ui,sans-serif" font-size="14" font-weight="700" fill="#fff">${look.icon}</text>
<g font-family="system-ui,-apple-system,Segoe UI,Roboto,sans-serif">
<text x="52" y="23" font-size="13" fill="${theme.muted}">${escapeHtml(shortTitle)}</text>
<text x="52" y="42" font-size="15" font-weight="600" fill="${theme.text}">${look.text}</text>
</g></svg>
`;
}

/**
 * The same card as a tiny HTML page, for an `<iframe>` on another site: its text is real
 * text (selectable, read by screen readers, in the visitor's fonts) and the card links to
 * the page. The link opens a new tab: the embedding site keeps its own page.
 */
export function renderStatusWidgetHtml(
  title: string,
  verdict: OverallStatus,
  query: WidgetQuery,
  pagePath: string,
): string {
  const look = OVERALL_LOOK[verdict];
  const theme = THEMES[query.theme];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`${title}: ${look.text}`)}</title>
<style>html,body{margin:0;background:transparent}
a{box-sizing:border-box;display:flex;align-items:center;gap:10px;width:280px;height:56px;padding:0 12px;border:1px solid ${theme.border};border-radius:8px;background:${theme.card};color:${theme.text};text-decoration:none;font:13px/1.3 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
a:focus-visible{outline:2px solid ${VERDICT_COLOR[verdict]};outline-offset:-3px}
.icon{display:grid;place-items:center;flex:none;width:28px;height:28px;border-radius:50%;background:${VERDICT_COLOR[verdict]};color:#fff;font-weight:700;font-size:14px}
.title{display:block;color:${theme.muted};white-space:nowrap;overflow:hidden;text-overflow:ellipsis;max-width:220px}
strong{display:block;font-size:14px;font-weight:600;white-space:nowrap}</style></head>
<body><a href="${escapeHtml(pagePath)}" target="_blank" rel="noopener"><span class="icon" aria-hidden="true">${look.icon}</span><span><span class="title">${escapeHtml(title)}</span><strong>${look.text}</strong></span></a></body></html>
`;
}
