import { readFile, readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DASHBOARD_DIR = `${ROOT}deploy/grafana/dashboards/`;
export const DATASOURCE_FILE = `${ROOT}deploy/grafana/provisioning/datasources/prometheus.yml`;
export const PROMETHEUS_CONFIG_FILE = `${ROOT}deploy/prometheus/prometheus.yml`;

export interface DashboardTarget {
  refId?: string;
  expr?: string;
  datasource?: { type?: string; uid?: string };
}

export interface DashboardPanel {
  id?: number;
  type: string;
  title: string;
  datasource?: { type?: string; uid?: string };
  targets?: DashboardTarget[];
  panels?: DashboardPanel[];
}

export interface DashboardVariable {
  name: string;
  type: string;
  datasource?: { type?: string; uid?: string };
  definition?: string;
  query?: string | { query?: string };
}

export interface Dashboard {
  uid: string;
  title: string;
  schemaVersion: number;
  panels: DashboardPanel[];
  templating: { list: DashboardVariable[] };
}

/** One PromQL query of a shipped dashboard, named by where it sits. */
export interface DashboardQuery {
  where: string;
  expr: string;
}

/** The shipped dashboards, by file name. */
export async function loadDashboards(): Promise<Map<string, Dashboard>> {
  const files = (await readdir(DASHBOARD_DIR)).filter((f) => f.endsWith('.json')).sort();
  const dashboards = new Map<string, Dashboard>();
  for (const file of files) {
    dashboards.set(
      file,
      JSON.parse(await readFile(`${DASHBOARD_DIR}${file}`, 'utf8')) as Dashboard,
    );
  }
  return dashboards;
}

/** Every panel, the ones inside collapsed rows included; rows themselves are left out. */
export function panelsOf(dashboard: Dashboard): DashboardPanel[] {
  return dashboard.panels.flatMap((panel) =>
    panel.type === 'row' ? (panel.panels ?? []) : [panel],
  );
}

/**
 * Every query the dashboard sends to Prometheus: each panel target's `expr`, and each query
 * variable's `label_values(<selector>, <label>)` as its selector (what must have series for
 * the variable to offer values).
 */
export function queriesOf(dashboard: Dashboard): DashboardQuery[] {
  const queries: DashboardQuery[] = [];
  for (const panel of panelsOf(dashboard)) {
    for (const target of panel.targets ?? []) {
      queries.push({
        where: `${panel.title} ${target.refId ?? ''}`.trim(),
        expr: target.expr ?? '',
      });
    }
  }
  for (const variable of dashboard.templating.list) {
    if (variable.type !== 'query') continue;
    const query = variable.definition ?? '';
    const selector = /^label_values\((.+),\s*\w+\)$/.exec(query)?.[1];
    queries.push({ where: `variable $${variable.name}`, expr: selector ?? query });
  }
  return queries;
}

/**
 * Grafana's variables as a test's Prometheus can evaluate them: every template variable
 * matches anything, and the time windows fit a scrape every second (Grafana's own
 * `$__rate_interval` is at least four scrape intervals).
 */
export function withVariablesSubstituted(expr: string): string {
  return expr
    .replaceAll('$__rate_interval', '10s')
    .replaceAll('$__interval', '2s')
    .replaceAll('$__range', '1m')
    .replace(/\$\{?(\w+)\}?/g, '.*');
}

/** The uid of the provisioned Prometheus data source. */
export async function provisionedDatasourceUid(): Promise<string> {
  const provisioning = parse(await readFile(DATASOURCE_FILE, 'utf8')) as {
    datasources: { uid: string; type: string }[];
  };
  const prometheus = provisioning.datasources.filter((d) => d.type === 'prometheus');
  if (prometheus.length !== 1 || !prometheus[0])
    throw new Error('expected one Prometheus data source');
  return prometheus[0].uid;
}
