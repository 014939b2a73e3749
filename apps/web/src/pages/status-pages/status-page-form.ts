import type { PublicStatusPageConfig, StatusPageConfig } from '@watchpost/core';
import type { MessageRules } from '../../lib/field-of-message.js';

export interface GroupMonitor {
  id: number;
  name: string;
  /** Show the monitor's URL on the public page. */
  sendUrl: boolean;
}

export interface GroupForm {
  /** The stored group's id; null for a group added in this edit. */
  id: number | null;
  name: string;
  monitors: GroupMonitor[];
}

/** What the status-page editor edits; `logo` is a new PNG data URL, null to keep the icon. */
export interface StatusPageForm {
  slug: string;
  title: string;
  description: string;
  footerText: string;
  customCSS: string;
  googleAnalyticsId: string;
  theme: 'auto' | 'light' | 'dark';
  showTags: boolean;
  showPoweredBy: boolean;
  showCertificateExpiry: boolean;
  /** Seconds between refreshes of the public page, as typed; `0` for never. */
  autoRefreshInterval: string;
  /** One domain a line, as typed. */
  domains: string;
  logo: string | null;
  groups: GroupForm[];
}

/** A group as `GET /api/status-page/:slug` lists it (docs/protocol/status-pages.md#publicgroup-and-publicmonitor). */
export interface PublicGroupIn {
  id: number;
  name: string;
  monitorList: { id: number; name: string; sendUrl: number | boolean }[];
}

/**
 * Whether the public JSON answered is the page the socket described. It is read under the
 * tenant's public path prefix (docs/protocol/status-pages.md#tenants-and-custom-domains); this
 * check keeps another tenant's groups out of this tenant's editor should a host or proxy
 * route that path elsewhere all the same.
 */
export function isSamePage(config: StatusPageConfig, published: PublicStatusPageConfig): boolean {
  return (
    config.slug === published.slug &&
    config.title === published.title &&
    config.description === published.description &&
    config.footerText === published.footerText &&
    config.customCSS === published.customCSS &&
    config.icon === published.icon
  );
}

function themeOf(theme: string): StatusPageForm['theme'] {
  return theme === 'light' || theme === 'dark' ? theme : 'auto';
}

export function statusPageFormFromData(
  config: StatusPageConfig,
  groups: readonly PublicGroupIn[],
): StatusPageForm {
  return {
    slug: config.slug,
    title: config.title,
    description: config.description ?? '',
    footerText: config.footerText ?? '',
    customCSS: config.customCSS ?? '',
    googleAnalyticsId: config.googleAnalyticsId ?? '',
    theme: themeOf(config.theme),
    showTags: config.showTags,
    showPoweredBy: config.showPoweredBy,
    showCertificateExpiry: config.showCertificateExpiry,
    autoRefreshInterval: String(config.autoRefreshInterval),
    domains: config.domainNameList.join('\n'),
    logo: null,
    groups: groups.map((group) => ({
      id: group.id,
      name: group.name,
      monitors: group.monitorList.map((m) => ({
        id: m.id,
        name: m.name,
        sendUrl: m.sendUrl === true || m.sendUrl === 1,
      })),
    })),
  };
}

/**
 * The arguments of `saveStatusPage` after the slug the page is stored under
 * (docs/protocol/status-pages.md#savestatuspage): the config (whose `slug` may rename the
 * page), the logo (`""` keeps the current one) and the groups in display order.
 */
export function saveStatusPageArgs(form: StatusPageForm) {
  const config = {
    slug: form.slug.trim(),
    title: form.title,
    description: form.description,
    footerText: form.footerText,
    customCSS: form.customCSS,
    googleAnalyticsId: form.googleAnalyticsId,
    theme: form.theme,
    showTags: form.showTags,
    showPoweredBy: form.showPoweredBy,
    showCertificateExpiry: form.showCertificateExpiry,
    autoRefreshInterval: refreshIntervalOf(form.autoRefreshInterval),
    domainNameList: form.domains
      .split('\n')
      .map((domain) => domain.trim())
      .filter((domain) => domain !== ''),
  };
  const groups = form.groups.map((group) => ({
    ...(group.id === null ? {} : { id: group.id }),
    name: group.name,
    monitorList: group.monitors.map((m) => ({ id: m.id, sendUrl: m.sendUrl })),
  }));
  return [config, form.logo ?? '', groups] as const;
}

/**
 * The typed refresh interval as the server takes it: a number when it reads as one, otherwise
 * the text itself, so the server refuses it with its message rather than a blank silently
 * becoming the default (docs/protocol/status-pages.md#savestatuspage).
 */
function refreshIntervalOf(typed: string): number | string {
  const trimmed = typed.trim();
  const seconds = Number(trimmed);
  return trimmed !== '' && Number.isFinite(seconds) ? seconds : trimmed;
}

/** `list` with the element at `from` moved to `to` (clamped); the list itself is not changed. */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const target = Math.max(0, Math.min(list.length - 1, to));
  const result = [...list];
  const [item] = result.splice(from, 1);
  if (item === undefined) return result;
  result.splice(target, 0, item);
  return result;
}

export type StatusPageField =
  'slug' | 'title' | 'domains' | 'logo' | 'theme' | 'autoRefreshInterval' | 'groups';

/** The server's messages by field (docs/protocol/status-pages.md#events). */
export const STATUS_PAGE_MESSAGES: MessageRules<StatusPageField> = [
  [/slug/i, 'slug'],
  [/title/i, 'title'],
  [/domain|Invalid array/i, 'domains'],
  [/logo|PNG/i, 'logo'],
  [/theme/i, 'theme'],
  [/refresh interval/i, 'autoRefreshInterval'],
  [/^Monitor not found|groups?\b/i, 'groups'],
];
