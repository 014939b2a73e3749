/** The badge kinds of docs/protocol/http.md#badges. */
export const BADGE_KINDS = [
  'status',
  'uptime',
  'ping',
  'avg-response',
  'cert-exp',
  'response',
] as const;
export type BadgeKind = (typeof BADGE_KINDS)[number];

export const BADGE_STYLES = ['flat', 'flat-square', 'plastic', 'for-the-badge', 'social'] as const;
export type BadgeStyle = (typeof BADGE_STYLES)[number];

export interface BadgeOptions {
  kind: BadgeKind;
  /** Hours, for the kinds that take a window; '' for the default (24). */
  duration: string;
  label: string;
  /** The message colour (uptime, ping, avg-response, response). */
  color: string;
  labelColor: string;
  /** The up and down colours (status, cert-exp). */
  upColor: string;
  downColor: string;
  style: BadgeStyle;
}

export const DEFAULT_BADGE: BadgeOptions = {
  kind: 'status',
  duration: '',
  label: '',
  color: '',
  labelColor: '',
  upColor: '',
  downColor: '',
  style: 'flat',
};

/** Which options a kind reads (docs/protocol/http.md#badges); the builder shows only those. */
export function badgeOptionsOf(kind: BadgeKind) {
  return {
    duration: kind === 'uptime' || kind === 'ping' || kind === 'avg-response',
    color: kind === 'uptime' || kind === 'ping' || kind === 'avg-response' || kind === 'response',
    labelColor: kind !== 'status',
    upDownColors: kind === 'status' || kind === 'cert-exp',
  };
}

/**
 * The badge's URL. Options left empty are left out, so the badge shows its defaults; only the
 * options the kind reads are sent (docs/protocol/http.md#badges).
 */
export function badgeUrl(origin: string, monitorId: number, options: BadgeOptions): string {
  const reads = badgeOptionsOf(options.kind);
  const duration =
    reads.duration && options.duration.trim() !== '' ? `/${options.duration.trim()}` : '';
  const query = new URLSearchParams();
  const add = (key: string, value: string, applies = true) => {
    if (applies && value.trim() !== '') query.set(key, value.trim());
  };
  add('label', options.label);
  add('color', options.color, reads.color);
  add('labelColor', options.labelColor, reads.labelColor);
  add('upColor', options.upColor, reads.upDownColors);
  add('downColor', options.downColor, reads.upDownColors);
  if (options.style !== 'flat') query.set('style', options.style);
  const search = query.toString();
  return `${origin}/api/badge/${monitorId}/${options.kind}${duration}${search ? `?${search}` : ''}`;
}

/** The snippets people paste: an `<img>` tag and Markdown. */
export function badgeSnippets(url: string, alt: string): { img: string; markdown: string } {
  const escapedAlt = alt.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);
  return {
    img: `<img src="${url.replace(/&/g, '&amp;')}" alt="${escapedAlt}">`,
    markdown: `![${alt.replace(/[[\]]/g, '')}](${url})`,
  };
}
