import type { MonitorMetrics, MonitorMetricsTag } from '@watchpost/core/db';

/**
 * The four monitor families of docs/protocol/http.md#prometheus-metrics in upstream's registration order, with its exact
 * HELP texts, so Grafana dashboards built for Uptime Kuma work unchanged.
 */
const FAMILIES = [
  {
    name: 'monitor_cert_days_remaining',
    help: 'The number of days remaining until the certificate expires',
    value: (m: MonitorMetrics) => m.tls?.daysRemaining ?? null,
  },
  {
    name: 'monitor_cert_is_valid',
    help: 'Is the certificate still valid? (1 = Yes, 0= No)',
    value: (m: MonitorMetrics) => (m.tls ? (m.tls.valid ? 1 : 0) : null),
  },
  {
    name: 'monitor_response_time',
    help: 'Monitor Response Time (ms)',
    // Upstream: -1 when the latest beat has no numeric ping.
    value: (m: MonitorMetrics) => m.pingMs ?? -1,
  },
  {
    name: 'monitor_status',
    help: 'Monitor Status (1 = UP, 0= DOWN, 2= PENDING, 3= MAINTENANCE)',
    value: (m: MonitorMetrics) => m.status,
  },
] as const;

/**
 * `monitor_id` first, then upstream's five labels in order, as Uptime Kuma 2.x does. Tags
 * may not take these names.
 */
const CORE_LABELS = [
  'monitor_id',
  'monitor_name',
  'monitor_type',
  'monitor_url',
  'monitor_hostname',
  'monitor_port',
] as const;
const CORE_LABEL_SET: ReadonlySet<string> = new Set(CORE_LABELS);

/**
 * Prometheus text exposition 0.0.4 of the tenant's monitors. Hand-built rather than through
 * prom-client: its per-series label hashing and registry bookkeeping cost more than the
 * whole scrape should (10,000 monitors × 4 series), and the output is four fixed families.
 * Each monitor's label set is rendered once and shared by its series; plain loops and string
 * concatenation because this runs over every series of a tenant on every scrape.
 */
export function renderKumaMetrics(monitors: readonly MonitorMetrics[]): string {
  const labelSets = monitors.map((monitor) => `{${renderLabels(monitor)}} `);
  let out = '';
  for (const family of FAMILIES) {
    out += `# HELP ${family.name} ${family.help}\n# TYPE ${family.name} gauge\n`;
    for (let i = 0; i < monitors.length; i++) {
      const value = family.value(monitors[i] as MonitorMetrics);
      if (value === null || !Number.isFinite(value)) continue;
      out += family.name + (labelSets[i] as string) + String(value) + '\n';
    }
  }
  return out;
}

function renderLabels(monitor: MonitorMetrics): string {
  let text =
    `monitor_id="${monitor.id}"` +
    `,monitor_name="${escapeLabelValue(monitor.name)}"` +
    `,monitor_type="${escapeLabelValue(monitor.type)}"` +
    `,monitor_url="${escapeLabelValue(labelText(monitor.url))}"` +
    `,monitor_hostname="${escapeLabelValue(labelText(monitor.hostname))}"` +
    `,monitor_port="${labelText(monitor.port)}"`;
  if (monitor.tags.length > 0) {
    for (const [label, value] of tagLabels(monitor.tags)) {
      text += `,${label}="${escapeLabelValue(value)}"`;
    }
  }
  return text;
}

/** docs/protocol/http.md#prometheus-metrics: `null` renders as the literal text `null`, numbers as their decimal text. */
function labelText(value: string | number | null): string {
  return value === null ? 'null' : String(value);
}

const NEEDS_ESCAPE = /[\\\n"]/;

/** docs/protocol/http.md#prometheus-metrics: backslash, newline and double quote are escaped inside label values. */
export function escapeLabelValue(value: string): string {
  if (!NEEDS_ESCAPE.test(value)) return value;
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

/**
 * Upstream's rule (Kuma 2.x) for turning a tag name into a label name: drop every character
 * outside `[A-Za-z0-9_]`, then any leading characters that may not start a name.
 */
export function sanitizeLabelName(name: string): string {
  return name.replace(/[^a-zA-Z0-9_]/g, '').replace(/^[^a-zA-Z_]+/, '');
}

/**
 * One label per tag name, sorted by label name so the output is stable. Names that sanitise
 * to nothing, to one of the core labels, or to Prometheus's reserved `__` prefix are left
 * out. Several values of one name are joined with `,` (sorted); a tag without a value reads
 * `null` like upstream. Values are escaped rather than stripped as Kuma 2.x does, so
 * `eu-west-1` stays `eu-west-1`.
 */
export function tagLabels(tags: readonly MonitorMetricsTag[]): [string, string][] {
  const byName = new Map<string, Set<string>>();
  for (const tag of tags) {
    const label = sanitizeLabelName(tag.name);
    if (label === '' || label.startsWith('__') || CORE_LABEL_SET.has(label)) continue;
    const values = byName.get(label) ?? new Set<string>();
    if (tag.value !== null && tag.value !== '') values.add(tag.value);
    byName.set(label, values);
  }
  return [...byName.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([label, values]) => [label, values.size > 0 ? [...values].sort().join(',') : 'null']);
}
