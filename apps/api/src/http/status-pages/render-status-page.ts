import { DOWN, MAINTENANCE, PENDING, UP } from '@watchpost/core';
import {
  DEFAULT_ICON,
  type IncidentJson,
  type MaintenanceJson,
  type PageGroup,
  type PageMonitor,
  type PublicStatusPageConfig,
} from '@watchpost/core/db';
import { beatSegments, type BarBeat } from './beat-bar.js';
import {
  daySegments,
  formatPercent,
  historyUptime,
  sumDays,
  type HistoryDay,
  type HistoryIncident,
} from './day-history.js';
import { escapeHtml } from './escape-html.js';
import { renderBar } from './history-bar.js';
import { renderMaintenanceTimes } from './maintenance-times.js';
import { OVERALL_LOOK, overallStatus } from './overall-status.js';
import { parseKumaUtc, renderTime, renderZone } from './page-time.js';
import { renderMarkdown } from './status-markdown.js';
import { formatCountdown, STATUS_PAGE_SCRIPT_PATH } from './status-page-client.js';
import { STATUS_PAGE_CSS } from './status-page-style.js';

export { escapeHtml };

/** A tag as the page shows it (the monitor object's tag shape, docs/protocol/tags.md). */
export interface PageTag {
  name: string;
  value: string | null;
  color: string;
}

/** Everything the public page shows; read by the route, rendered here without I/O. */
export interface StatusPageView {
  config: PublicStatusPageConfig;
  incident: IncidentJson | null;
  /** Windows linked to the page that are in progress now. */
  maintenances: readonly MaintenanceJson[];
  groups: readonly PageGroup[];
  /** 24 h uptime ratio per monitor id. */
  uptimes: ReadonlyMap<number, number>;
  /** The latest beats per monitor id, oldest first. */
  beats: ReadonlyMap<number, readonly BarBeat[]>;
  /** Daily aggregates of the last HISTORY_DAYS days per monitor id. */
  days: ReadonlyMap<number, readonly HistoryDay[]>;
  /** The page's incidents of the last HISTORY_DAYS days. */
  incidents: readonly HistoryIncident[];
  /** Tags per monitor id; read only when the page shows tags. */
  tags: ReadonlyMap<number, readonly PageTag[]>;
  /** Where this page's JSON lives (differs under a `/t/<tenantId>` prefix). */
  basePath: string;
  /** Where this page itself lives. */
  pagePath: string;
  /** The zone the page's times are shown in without script (the tenant's `serverTimezone`). */
  timeZone: string;
  now: Date;
}

/**
 * Custom CSS is the owner's on purpose, so it stays CSS; it only must not end the <style>
 * element early and smuggle markup in. `<` never appears in valid CSS outside strings, so
 * escaping it as a CSS escape keeps strings intact and closes that door for every tag.
 */
export function sanitizeCss(css: string): string {
  return css.replace(/</g, '\\3C ');
}

const STATUS_LOOK: Record<number, { text: string; symbol: string; look: string }> = {
  [UP]: { text: 'Up', symbol: '✔', look: 'u' },
  [DOWN]: { text: 'Down', symbol: '✖', look: 'd' },
  [PENDING]: { text: 'Pending', symbol: '…', look: 'p' },
  [MAINTENANCE]: { text: 'Maintenance', symbol: '🔧', look: 'm' },
};
const NO_STATUS = { text: 'No data', symbol: '?', look: 'e' };

// Only our own upload path or http(s) URLs become an <img> or a link; `javascript:` never does.
function safeUrl(url: string | null): string | null {
  return url && /^(\/(?!\/)|https?:\/\/)/i.test(url) ? url : null;
}

// A page without its own logo shows this mark (Kuma's `/icon.svg`), inline: no request.
const DEFAULT_LOGO =
  '<svg class="logo" viewBox="0 0 64 64" aria-hidden="true"><circle cx="32" cy="32" r="30" fill="#5cdd8b"/>' +
  '<path d="M14 34h9l5-12 8 22 5-10h9" fill="none" stroke="#fff" stroke-width="5" stroke-linecap="round" stroke-linejoin="round"/></svg>';

// The same mark as the tab's icon, so browsers ask for no /favicon.ico.
const DEFAULT_FAVICON = `data:image/svg+xml,${encodeURIComponent(
  DEFAULT_LOGO.replace('class="logo" ', 'xmlns="http://www.w3.org/2000/svg" ').replace(
    ' aria-hidden="true"',
    '',
  ),
)}`;

function faviconOf(icon: string): string {
  return icon === DEFAULT_ICON ? DEFAULT_FAVICON : (safeUrl(icon) ?? DEFAULT_FAVICON);
}

function renderLogo(icon: string): string {
  if (icon === DEFAULT_ICON) return DEFAULT_LOGO;
  const url = safeUrl(icon);
  return url ? `<img class="logo" src="${escapeHtml(url)}" alt="">` : '';
}

// Tag colours land in a style attribute: a hex colour or a colour name, nothing else.
const safeColor = (color: string) => (/^(#[0-9a-f]{3,8}|[a-z]{3,20})$/i.test(color) ? color : '');

function renderTag(tag: PageTag): string {
  const color = safeColor(tag.color);
  const text = tag.value ? `${tag.name}: ${tag.value}` : tag.name;
  return `<span class=tag${color && ` style=background:${color}`}>${escapeHtml(text)}</span>`;
}

const CERT_TYPES = new Set(['http', 'keyword', 'json-query']);

// docs/protocol/status-pages.md#publicgroup-and-publicmonitor: certificate facts only for HTTPS monitors.
function renderCertExpiry(m: PageMonitor): string {
  if (!CERT_TYPES.has(m.type) || !(m.url ?? '').toLowerCase().startsWith('https:')) return '';
  if (m.certValid === false) return '<span class=cert>Invalid certificate</span>';
  if (m.certDaysRemaining === null) return '';
  return `<span class=cert>Certificate: ${m.certDaysRemaining} days left</span>`;
}

function renderMonitor(m: PageMonitor, view: StatusPageView): string {
  const { config } = view;
  const status = (m.status !== null && STATUS_LOOK[m.status]) || NO_STATUS;
  const uptime = view.uptimes.get(m.id);
  const pill = `<span class="pill ${status.look}">${status.symbol} ${uptime === undefined ? '–' : formatPercent(uptime)}<span class=sr> ${status.text}; 24 h uptime</span></span>`;
  const link = m.sendUrl ? safeUrl(m.url) : null;
  const name = link
    ? `<a class=name href="${escapeHtml(link)}" rel="nofollow noopener noreferrer">${escapeHtml(m.name)}</a>`
    : `<span class=name>${escapeHtml(m.name)}</span>`;
  const tags = config.showTags ? (view.tags.get(m.id) ?? []).map(renderTag).join('') : '';
  const cert = config.showCertificateExpiry ? renderCertExpiry(m) : '';
  const days = view.days.get(m.id) ?? [];
  return `<li><div class=row><div class=who>${pill}${name}${tags}${cert}</div>${renderBar('beats', beatSegments(view.beats.get(m.id) ?? []))}</div>${renderBar('days', daySegments(days, [], view.now))}${renderHistoryUptime(days)}</li>`;
}

function renderHistoryUptime(days: readonly HistoryDay[]): string {
  const uptime = historyUptime(days);
  return `<p class=range>${uptime === undefined ? 'No data' : `${formatPercent(uptime)} uptime`}</p>`;
}

function renderGroup(group: PageGroup, view: StatusPageView): string {
  const rows = group.monitors.map((m) => renderMonitor(m, view));
  const body =
    rows.length > 0
      ? `<ul class="monitors">${rows.join('')}</ul>`
      : '<p class="empty">No monitors</p>';
  return `<section class="card group"><h2>${escapeHtml(group.name)}</h2>${body}</section>`;
}

// An unreadable stored date is shown as stored rather than dropped.
function renderKumaDate(text: string, zone: string): string {
  const instant = parseKumaUtc(text);
  return instant
    ? `${renderTime(instant, zone)} ${renderZone(instant, zone)}`
    : `${escapeHtml(text)} UTC`;
}

function renderIncident(incident: IncidentJson, zone: string): string {
  const updated = incident.lastUpdatedDate
    ? ` · Last updated ${renderKumaDate(incident.lastUpdatedDate, zone)}`
    : '';
  return `<section class="card incident s-${escapeHtml(incident.style)}" aria-label="Incident"><h2>${escapeHtml(incident.title)}</h2>
<div class="md">${renderMarkdown(incident.content)}</div>
<small>Created ${renderKumaDate(incident.createdDate, zone)}${updated}</small></section>`;
}

function renderMaintenance(m: MaintenanceJson, zone: string): string {
  return `<section class="card maintenance" aria-label="Maintenance"><h2>🔧 ${escapeHtml(m.title)}</h2>
${m.description ? `<div class="md">${renderMarkdown(m.description)}</div>` : ''}
<small>${renderMaintenanceTimes(m, zone)}</small></section>`;
}

/**
 * The verdict in words and with an icon, then the page's 90 days as a whole, each day with
 * the incidents the owner posted on it.
 */
function renderVerdict(view: StatusPageView): string {
  const verdict = overallStatus(view.groups.flatMap((g) => g.monitors.map((m) => m.status)));
  const look = OVERALL_LOOK[verdict];
  const days = sumDays(view.days.values());
  return `<section class="card overall"><p class="verdict v-${verdict}" role="status"><span class="icon" aria-hidden="true">${look.icon}</span>${look.text}</p>
${renderBar('days', daySegments(days, view.incidents, view.now))}
${renderHistoryUptime(days)}</section>`;
}

function renderRefresh(view: StatusPageView): string {
  const seconds = view.config.autoRefreshInterval;
  const updated = `<p>Last Updated: ${renderTime(view.now, view.timeZone, true)} ${renderZone(view.now, view.timeZone)}</p>`;
  return seconds > 0
    ? `${updated}<p data-refresh="${seconds}">Refresh in: <span class="countdown">${formatCountdown(seconds)}</span></p>`
    : updated;
}

/**
 * The server-rendered public page at `/status/:slug`: Kuma 1.23's page (logo, title,
 * description, incident, maintenance, verdict, groups with uptime pills and beat bars,
 * footer, "Powered by", last update and countdown) plus a 90-day history per monitor.
 * Complete without script; the one same-origin script only shows the times in the visitor's
 * zone and refreshes the page in place, and a `<noscript>` refresh does the same without it.
 */
export function renderStatusPage(view: StatusPageView): string {
  const { config } = view;
  const css = config.customCSS ? `<style>${sanitizeCss(config.customCSS)}</style>` : '';
  const refresh = config.autoRefreshInterval;
  const feedPath = `${view.pagePath}/feed.atom`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(config.title)}</title>
${refresh > 0 ? `<noscript><meta http-equiv="refresh" content="${refresh}"></noscript>\n` : ''}<script src="${STATUS_PAGE_SCRIPT_PATH}" defer></script>
<link rel="icon" href="${escapeHtml(faviconOf(config.icon))}">
<link rel="manifest" href="${escapeHtml(`${view.basePath}/manifest.json`)}">
<link rel="alternate" type="application/atom+xml" title="${escapeHtml(`${config.title} incidents`)}" href="${escapeHtml(feedPath)}">
<style>${STATUS_PAGE_CSS}</style>${css}</head>
<body class="theme-${escapeHtml(config.theme)}"><main id="status-page">
<header>${renderLogo(config.icon)}<h1>${escapeHtml(config.title)}</h1></header>
${config.description ? `<div class="md description">${renderMarkdown(config.description)}</div>` : ''}
${view.incident ? renderIncident(view.incident, view.timeZone) : ''}
${view.maintenances.map((m) => renderMaintenance(m, view.timeZone)).join('\n')}
${view.groups.length > 0 ? renderVerdict(view) : ''}
${view.groups.map((g) => renderGroup(g, view)).join('\n')}
<footer>${config.footerText ? `<div class="md">${renderMarkdown(config.footerText)}</div>` : ''}
${config.showPoweredBy ? '<p class="powered">Powered by Watchpost</p>' : ''}
${renderRefresh(view)}
<p><a href="${escapeHtml(feedPath)}">Incident feed (Atom)</a></p></footer>
</main></body></html>
`;
}
