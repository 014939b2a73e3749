import type { MonitorMeta, MonitorTagSummary } from '../protocol/dashboard-events.js';

/**
 * The list's meta of one monitor (docs/protocol/dashboard.md#monitor-summaries), read from its
 * Kuma wire object (`toKumaMonitor`), so the lean burst and the deltas that replace later
 * `monitorList` pushes say exactly what a Kuma client's list says.
 */
export function toMonitorMeta(kuma: Readonly<Record<string, unknown>>): MonitorMeta {
  return {
    id: Number(kuma.id),
    name: String(kuma.name ?? ''),
    type: String(kuma.type ?? ''),
    active: kuma.active === true,
    parent: typeof kuma.parent === 'number' ? kuma.parent : null,
    maintenance: kuma.maintenance === true,
    target: targetOf(kuma),
    tags: Array.isArray(kuma.tags) ? kuma.tags.map(toTagSummary) : [],
  };
}

// Kuma's add form fills `url` with this placeholder for every type, so it says nothing.
const URL_PLACEHOLDER = 'https://';

function targetOf(kuma: Readonly<Record<string, unknown>>): string | null {
  if (typeof kuma.url === 'string' && kuma.url !== '' && kuma.url !== URL_PLACEHOLDER) {
    return kuma.url;
  }
  if (typeof kuma.hostname !== 'string' || kuma.hostname === '') return null;
  return typeof kuma.port === 'number' ? `${kuma.hostname}:${kuma.port}` : kuma.hostname;
}

function toTagSummary(tag: {
  tag_id?: unknown;
  name?: unknown;
  color?: unknown;
  value?: unknown;
}): MonitorTagSummary {
  return {
    tagId: Number(tag.tag_id),
    name: String(tag.name ?? ''),
    color: String(tag.color ?? ''),
    value: typeof tag.value === 'string' ? tag.value : '',
  };
}
