import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  loadDashboards,
  panelsOf,
  PROMETHEUS_CONFIG_FILE,
  provisionedDatasourceUid,
  queriesOf,
  withVariablesSubstituted,
  type Dashboard,
} from './support/grafana-dashboards.js';
import { localScrapeConfig, type PrometheusConfig } from './support/prometheus-config.js';

// The files of docs/observability.md that no test here can run: Grafana is not packaged for
// Debian and Docker Compose is not installed, so their shape is checked instead (what
// Prometheus does with the same files is test/e2e/prometheus.e2e.test.ts).

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const readYaml = (path: string): unknown => parse(readFileSync(`${ROOT}${path}`, 'utf8'));

interface ComposeService {
  image?: string;
  profiles?: string[];
  ports?: string[];
  volumes?: string[];
  environment?: Record<string, string | number>;
}
interface ComposeFile {
  'x-watchpost': { environment: Record<string, string | number> };
  services: Record<string, ComposeService>;
  volumes: Record<string, unknown>;
}

const compose = readYaml('docker-compose.yml') as ComposeFile;
const prometheusConfig = parse(readFileSync(PROMETHEUS_CONFIG_FILE, 'utf8')) as PrometheusConfig;

/** Where a compose bind mount of this repository's `source` lands in the container. */
function mountTarget(service: ComposeService, source: string): string {
  const volume = (service.volumes ?? []).find((v) => v.split(':')[0] === source);
  if (!volume) throw new Error(`${source} is not mounted`);
  return volume.split(':')[1] as string;
}

describe('the shipped Grafana dashboards', () => {
  let dashboards: Map<string, Dashboard>;
  let uid: string;
  beforeAll(async () => {
    dashboards = await loadDashboards();
    uid = await provisionedDatasourceUid();
  });

  it('are the monitors and the operator dashboard, each with its own uid', () => {
    expect([...dashboards.keys()]).toEqual(['watchpost-monitors.json', 'watchpost-operator.json']);
    const uids = [...dashboards.values()].map((d) => d.uid);
    expect(new Set(uids).size).toBe(uids.length);
  });

  it('declare the schema version they are written in (39: Grafana 10.4 and 11)', () => {
    for (const dashboard of dashboards.values()) expect(dashboard.schemaVersion).toBe(39);
  });

  it('name the provisioned data source on every panel, target and variable', () => {
    for (const [file, dashboard] of dashboards) {
      for (const panel of panelsOf(dashboard)) {
        expect(panel.datasource, `${file}: ${panel.title}`).toEqual({ type: 'prometheus', uid });
        expect(panel.targets?.length, `${file}: ${panel.title} has no query`).toBeGreaterThan(0);
        for (const target of panel.targets ?? []) {
          expect(target.datasource, `${file}: ${panel.title}`).toEqual({ type: 'prometheus', uid });
          expect(target.expr?.trim(), `${file}: ${panel.title} has an empty query`).toBeTruthy();
        }
      }
      for (const variable of dashboard.templating.list) {
        expect(variable.datasource, `${file}: $${variable.name}`).toEqual({
          type: 'prometheus',
          uid,
        });
      }
    }
  });

  it('give every panel a unique id and every target a unique refId within its panel', () => {
    for (const [file, dashboard] of dashboards) {
      const ids = dashboard.panels.map((p) => p.id);
      expect(new Set(ids).size, file).toBe(ids.length);
      for (const panel of panelsOf(dashboard)) {
        const refIds = (panel.targets ?? []).map((t) => t.refId);
        expect(new Set(refIds).size, `${file}: ${panel.title}`).toBe(refIds.length);
      }
    }
  });

  it('use only variables the dashboard defines or Grafana provides', () => {
    const builtIn = ['__rate_interval', '__interval', '__range'];
    for (const [file, dashboard] of dashboards) {
      const defined = new Set([...builtIn, ...dashboard.templating.list.map((v) => v.name)]);
      for (const { where, expr } of queriesOf(dashboard)) {
        for (const [, name] of expr.matchAll(/\$\{?(\w+)\}?/g)) {
          expect(defined.has(name as string), `${file}: ${where} uses $${name}`).toBe(true);
        }
        expect(withVariablesSubstituted(expr)).not.toContain('$');
      }
    }
  });

  it("select monitors by Watchpost's labels and filter on tags with ad hoc filters", () => {
    const monitors = dashboards.get('watchpost-monitors.json') as Dashboard;
    expect(monitors.templating.list.map((v) => [v.name, v.type])).toEqual([
      ['monitor', 'query'],
      ['type', 'query'],
      ['filters', 'adhoc'],
    ]);
    const exprs = queriesOf(monitors).map((q) => q.expr);
    for (const family of [
      'monitor_status',
      'monitor_response_time',
      'monitor_cert_days_remaining',
    ]) {
      expect(
        exprs.some((e) => e.includes(family)),
        family,
      ).toBe(true);
    }
    expect(exprs.some((e) => e.includes('avg_over_time') && e.includes('monitor_status'))).toBe(
      true,
    );
  });
});

describe('the observability profile of docker-compose.yml', () => {
  const { prometheus, grafana, lb } = compose.services as Record<string, ComposeService>;

  it('adds Prometheus and Grafana only under the observability profile', () => {
    expect(prometheus?.profiles).toEqual(['observability']);
    expect(grafana?.profiles).toEqual(['observability']);
    for (const [name, service] of Object.entries(compose.services)) {
      if (name !== 'prometheus' && name !== 'grafana')
        expect(service.profiles, name).toBeUndefined();
    }
    expect(compose.volumes).toHaveProperty('prometheusdata');
    expect(compose.volumes).toHaveProperty('grafanadata');
  });

  it('publishes Grafana on 3000, apart from the API on 3001', () => {
    expect(grafana?.ports).toEqual(['3000:3000']);
    expect(lb?.ports).toEqual(['3001:3001']);
  });

  it('lets anonymous visitors view and admin/admin edit', () => {
    expect(grafana?.environment).toMatchObject({
      GF_AUTH_ANONYMOUS_ENABLED: 'true',
      GF_AUTH_ANONYMOUS_ORG_ROLE: 'Viewer',
      GF_SECURITY_ADMIN_USER: 'admin',
      GF_SECURITY_ADMIN_PASSWORD: '${GRAFANA_ADMIN_PASSWORD:-admin}',
    });
  });

  it('mounts files that exist where the provisioning files look for them', () => {
    for (const service of [prometheus, grafana] as ComposeService[]) {
      for (const volume of service.volumes ?? []) {
        const source = volume.split(':')[0] as string;
        if (source.startsWith('./')) expect(existsSync(`${ROOT}${source}`), source).toBe(true);
      }
    }
    expect(mountTarget(grafana as ComposeService, './deploy/grafana/provisioning')).toBe(
      '/etc/grafana/provisioning',
    );
    const provider = readYaml('deploy/grafana/provisioning/dashboards/watchpost.yml') as {
      providers: { options: { path: string } }[];
    };
    const dashboardsIn = mountTarget(grafana as ComposeService, './deploy/grafana/dashboards');
    expect(provider.providers.map((p) => p.options.path)).toEqual([dashboardsIn]);
    const home = grafana?.environment?.GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH as string;
    expect(home.startsWith(`${dashboardsIn}/`)).toBe(true);
    expect(
      existsSync(`${ROOT}deploy/grafana/dashboards/${home.slice(dashboardsIn.length + 1)}`),
    ).toBe(true);
    const datasources = readYaml('deploy/grafana/provisioning/datasources/prometheus.yml') as {
      datasources: { url: string }[];
    };
    expect(datasources.datasources.map((d) => d.url)).toEqual(['http://prometheus:9090']);
  });

  it('gives Prometheus its config and the API key file from the mounted directory', () => {
    const configDir = mountTarget(prometheus as ComposeService, './deploy/prometheus');
    expect(prometheus?.volumes).toContain('./deploy/prometheus:/etc/prometheus:ro');
    const tenantJob = prometheusConfig.scrape_configs.find((j) => j.job_name === 'watchpost');
    expect(tenantJob?.authorization?.credentials_file).toBe(`${configDir}/api-key`);
    expect(tenantJob?.static_configs).toEqual([{ targets: ['lb:3001'] }]);
    // The key never enters the repository.
    expect(readFileSync(`${ROOT}.gitignore`, 'utf8')).toContain('deploy/prometheus/api-key');
  });

  it('scrapes the operator port of every role, which listens beyond loopback', () => {
    const environment = compose['x-watchpost'].environment;
    expect(environment.OPERATOR_METRICS_HOST).toBe('0.0.0.0');
    const operatorJobs = prometheusConfig.scrape_configs.filter((j) => j.job_name !== 'watchpost');
    expect(operatorJobs.map((j) => [j.job_name, j.dns_sd_configs])).toEqual(
      ['api', 'worker', 'scheduler'].map((role) => [
        `watchpost-${role}`,
        [{ names: [role], type: 'A', port: Number(environment.OPERATOR_METRICS_PORT) }],
      ]),
    );
    for (const role of ['api', 'worker', 'scheduler'])
      expect(compose.services).toHaveProperty(role);
  });
});

describe('the shipped Prometheus config as the end-to-end test runs it', () => {
  const local = {
    apiTarget: '127.0.0.1:1001',
    keyFile: '/keys/api-key',
    operatorTargets: {
      'watchpost-api': '127.0.0.1:1002',
      'watchpost-worker': '127.0.0.1:1003',
      'watchpost-scheduler': '127.0.0.1:1004',
    },
  };

  it('changes only the targets, the key path and the intervals', () => {
    const rewritten = localScrapeConfig(prometheusConfig, local);
    expect(rewritten.scrape_configs).toEqual([
      {
        job_name: 'watchpost',
        metrics_path: '/metrics',
        authorization: { type: 'Bearer', credentials_file: '/keys/api-key' },
        static_configs: [{ targets: ['127.0.0.1:1001'] }],
      },
      ...Object.entries(local.operatorTargets).map(([job, target]) => ({
        job_name: job,
        static_configs: [{ targets: [target] }],
      })),
    ]);
    expect(rewritten.global).toMatchObject({ scrape_interval: '1s', scrape_timeout: '1s' });
  });

  it('refuses a shipped job it has no local target for', () => {
    const { 'watchpost-worker': _worker, ...withoutWorker } = local.operatorTargets;
    expect(() =>
      localScrapeConfig(prometheusConfig, { ...local, operatorTargets: withoutWorker }),
    ).toThrow('no local target for job watchpost-worker');
  });

  it('stands every template variable for anything and sizes the windows for 1 s scrapes', () => {
    expect(
      withVariablesSubstituted(
        'rate(x{a=~"$monitor", b=~"${type}"}[$__rate_interval]) + y[$__range:$__interval]',
      ),
    ).toBe('rate(x{a=~".*", b=~".*"}[10s]) + y[1m:2s]');
  });
});
