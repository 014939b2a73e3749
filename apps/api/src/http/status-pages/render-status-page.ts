import { DOWN, MAINTENANCE, PENDING, UP } from '@watchpost/core';
import type { IncidentJson, PageGroup, PublicStatusPageConfig } from '@watchpost/core/db';

/** Everything the public page shows; read by the route, rendered here without I/O. */
export interface StatusPageView {
  config: PublicStatusPageConfig;
  incident: IncidentJson | null;
  groups: readonly PageGroup[];
  /** 24 h uptime ratio per monitor id. */
  uptimes: ReadonlyMap<number, number>;
  /** Where this page's JSON lives (differs under a `/t/<tenantId>` prefix). */
  basePath: string;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Every user-controlled text goes through this before reaching the page. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/**
 * Custom CSS is the owner's on purpose, so it stays CSS; it only must not end the <style>
 * element early and smuggle markup in. `<` never appears in valid CSS outside strings, so
 * escaping it as a CSS escape keeps strings intact and closes that door for every tag.
 */
export function sanitizeCss(css: string): string {
  return css.replace(/</g, '\\3C ');
}

const STATUS_LOOK: Record<number, { text: string; cls: string }> = {
  [UP]: { text: 'Up', cls: 'up' },
  [DOWN]: { text: 'Down', cls: 'down' },
  [PENDING]: { text: 'Pending', cls: 'pending' },
  [MAINTENANCE]: { text: 'Maintenance', cls: 'maintenance' },
};

// Only our own upload path or http(s) URLs become an <img>; `javascript:` and friends never do.
function safeIcon(icon: string): string | null {
  return /^(\/(?!\/)|https?:\/\/)/i.test(icon) ? icon : null;
}

function formatUptime(ratio: number | undefined): string {
  return ratio === undefined ? '–' : `${(ratio * 100).toFixed(2)}%`;
}

function renderGroup(group: PageGroup, uptimes: ReadonlyMap<number, number>): string {
  const rows = group.monitors.map((m) => {
    const look = (m.status !== null && STATUS_LOOK[m.status]) || { text: 'N/A', cls: 'na' };
    return `<li class="monitor"><span class="badge ${look.cls}">${look.text}</span>
<span class="name">${escapeHtml(m.name)}</span>
<span class="uptime" title="24 h uptime">${formatUptime(uptimes.get(m.id))}</span></li>`;
  });
  const body = rows.length > 0 ? `<ul>${rows.join('\n')}</ul>` : '<p class="empty">No monitors</p>';
  return `<section class="group"><h2>${escapeHtml(group.name)}</h2>${body}</section>`;
}

function renderIncident(incident: IncidentJson): string {
  const style = /^[a-z]+$/.test(incident.style) ? incident.style : 'warning';
  return `<section class="incident ${style}"><h2>${escapeHtml(incident.title)}</h2>
<p>${escapeHtml(incident.content)}</p>
<small>Created ${escapeHtml(incident.createdDate)} UTC</small></section>`;
}

/** The server-rendered public page at `/status/:slug`: plain HTML, inline CSS, no script. */
export function renderStatusPage(view: StatusPageView): string {
  const { config } = view;
  const icon = safeIcon(config.icon);
  const css = config.customCSS ? `<style>${sanitizeCss(config.customCSS)}</style>` : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(config.title)}</title>
<link rel="manifest" href="${escapeHtml(`${view.basePath}/manifest.json`)}">
<style>${BASE_CSS}</style>${css}</head>
<body class="theme-${escapeHtml(config.theme)}"><main>
<header>${icon ? `<img class="logo" src="${escapeHtml(icon)}" alt="">` : ''}
<h1>${escapeHtml(config.title)}</h1>
${config.description ? `<p class="description">${escapeHtml(config.description)}</p>` : ''}
</header>
${view.incident ? renderIncident(view.incident) : ''}
${view.groups.map((g) => renderGroup(g, view.uptimes)).join('\n')}
<footer>${config.footerText ? `<p>${escapeHtml(config.footerText)}</p>` : ''}
${config.showPoweredBy ? '<p class="powered">Powered by Watchpost</p>' : ''}</footer>
</main></body></html>
`;
}

const BASE_CSS = `body{font-family:system-ui,sans-serif;margin:0;background:#f5f6f8;color:#222}
main{max-width:860px;margin:0 auto;padding:24px}
header{text-align:center}.logo{max-height:64px}
.group,.incident{background:#fff;border-radius:8px;padding:12px 20px;margin:16px 0}
ul{list-style:none;padding:0;margin:0}
.monitor{display:flex;gap:12px;align-items:center;padding:8px 0;border-top:1px solid #eee}
.name{flex:1}.badge{border-radius:4px;padding:2px 8px;color:#fff;font-size:.85em;min-width:5em;text-align:center}
.up{background:#5cdd8b}.down{background:#dc3545}.pending{background:#f8a306}
.maintenance{background:#1747f5}.na{background:#999}
.incident{border-left:6px solid #f8a306}.incident.danger{border-left-color:#dc3545}
.incident.info,.incident.primary{border-left-color:#1747f5}
footer{text-align:center;color:#666;font-size:.9em}
@media (prefers-color-scheme:dark){body.theme-auto{background:#090c10;color:#ddd}
body.theme-auto .group,body.theme-auto .incident{background:#161b22}}
body.theme-dark{background:#090c10;color:#ddd}
body.theme-dark .group,body.theme-dark .incident{background:#161b22}`;
