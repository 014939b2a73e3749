import { ancestorsOf } from '../monitors/build-monitor-list.js';
import type { MonitorListFields } from '../monitors/monitor-repository.js';
import type { MonitorMeta, MonitorTagSummary } from '../protocol/dashboard-events.js';
import type { MonitorTagJson } from '../tags/tag.js';

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

/**
 * Every monitor's meta from its list fields alone, in the order given: what
 * `toMonitorMeta(buildMonitorList(…)[id])` says, with the two fields Kuma computes from the
 * group tree the same way (`active` false under a paused group, `maintenance` inherited from
 * a group above), but without building each monitor's whole Kuma object, most of the lean
 * burst's time at thousands of monitors.
 */
export function monitorMetasOf(
  monitors: readonly MonitorListFields[],
  tags: ReadonlyMap<number, readonly MonitorTagJson[]>,
  /** Monitors linked to an open maintenance window; their group descendants inherit it. */
  maintained: ReadonlySet<number>,
): MonitorMeta[] {
  const byId = new Map(monitors.map((m) => [m.id, m]));
  return monitors.map((monitor) => {
    const ancestors = ancestorsOf(monitor, byId);
    // Field by field rather than `{...monitor, active, …}`: Node 20 builds thousands of spread
    // objects with added keys tens of times slower than literals.
    return toMonitorMeta({
      id: monitor.id,
      name: monitor.name,
      type: monitor.type,
      active: monitor.active && ancestors.every((a) => a.active),
      parent: monitor.parent,
      maintenance: [monitor, ...ancestors].some((m) => maintained.has(m.id)),
      url: monitor.url,
      hostname: monitor.hostname,
      port: monitor.port,
      tags: tags.get(monitor.id) ?? [],
    });
  });
}
