import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import {
  connectKumaTestClient,
  startFakeService,
  waitFor,
  type FakeService,
  type KumaTestClient,
} from '@watchpost/core/testing';
import { freshDistributedEnv } from '../support/fresh-deployment.js';
import {
  loadDashboards,
  PROMETHEUS_CONFIG_FILE,
  queriesOf,
  withVariablesSubstituted,
} from '../support/grafana-dashboards.js';
import { localScrapeConfig, type PrometheusConfig } from '../support/prometheus-config.js';
import { freePort, spawnProgram, spawnRole, type RoleProcess } from '../support/processes.js';
import { startHttpsTarget, startHttpTarget, type HttpTarget } from '../support/targets.js';
import { waitForHealthy } from '../support/wait-for-healthy.js';

// docs/observability.md, run for real: the distributed roles with their operator ports, a
// real Prometheus (Debian's package) scraping them with the shipped deploy/prometheus/
// prometheus.yml — targets and the key's path rewritten, nothing else — and every query of
// the shipped Grafana dashboards asked of it.

const PROMETHEUS_BINARY = '/usr/bin/prometheus';

interface Series {
  metric: Record<string, string>;
  value: [number, string];
}

describe('Prometheus scraping Watchpost with the shipped config', () => {
  const fresh = freshDistributedEnv('prometheus');
  const processes: RoleProcess[] = [];
  let dir: string | undefined;
  let client: KumaTestClient | undefined;
  let upTarget: HttpTarget | undefined;
  let tlsTarget: { url: string; close(): Promise<void> } | undefined;
  let webhook: FakeService | undefined;
  let prometheusUrl = '';

  async function query(expr: string): Promise<Series[]> {
    const response = await fetch(`${prometheusUrl}/api/v1/query?query=${encodeURIComponent(expr)}`);
    const body = (await response.json()) as {
      status: string;
      error?: string;
      data?: { result: Series[] };
    };
    if (body.status !== 'success') throw new Error(`${expr}: ${body.error ?? response.status}`);
    return body.data?.result ?? [];
  }

  beforeAll(async () => {
    // A failure, not a skip: CI installs the package (.ci/run), and a skipped check of the
    // shipped dashboards would pass unnoticed.
    if (!existsSync(PROMETHEUS_BINARY)) {
      throw new Error(`${PROMETHEUS_BINARY} is missing: apt-get install prometheus (.ci/run does)`);
    }
    dir = await mkdtemp(join(tmpdir(), 'watchpost-prometheus-'));
    const [apiPort, apiOps, workerOps, schedulerOps, prometheusPort] = await Promise.all(
      [1, 2, 3, 4, 5].map(() => freePort()),
    );
    const ops = (port: number | undefined) => ({ OPERATOR_METRICS_PORT: String(port) });
    const api = spawnRole('api', 'apps/api/dist/main.js', {
      ...fresh.env,
      ...ops(apiOps),
      PORT: String(apiPort),
      HOST: '127.0.0.1',
    });
    processes.push(api);
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    // The first API node creates and migrates the database; the others wait for it.
    processes.push(
      spawnRole('worker', 'apps/worker/dist/main.js', { ...fresh.env, ...ops(workerOps) }),
      spawnRole('scheduler', 'apps/scheduler/dist/main.js', { ...fresh.env, ...ops(schedulerOps) }),
    );
    [upTarget, tlsTarget, webhook] = await Promise.all([
      startHttpTarget(),
      startHttpsTarget(30),
      startFakeService(),
    ]);
    await waitForHealthy(apiUrl, processes);

    client = await connectKumaTestClient(apiUrl, { callTimeoutMs: 10_000 });
    expect(await client.call('setup', 'admin', 'secret123')).toMatchObject({ ok: true });
    await client.login({ username: 'admin', password: 'secret123' });
    // A read key is all a scrape needs (docs/observability.md).
    const { key } = await client.call<{ ok: boolean; key: string }>('addAPIKey', {
      name: 'prometheus',
      expires: null,
      active: 1,
      scope: 'read',
    });
    const keyFile = join(dir, 'api-key');
    await writeFile(keyFile, key, { mode: 0o600 });

    const shipped = parse(await readFile(PROMETHEUS_CONFIG_FILE, 'utf8')) as PrometheusConfig;
    const config = localScrapeConfig(shipped, {
      apiTarget: `127.0.0.1:${apiPort}`,
      keyFile,
      operatorTargets: {
        'watchpost-api': `127.0.0.1:${apiOps}`,
        'watchpost-worker': `127.0.0.1:${workerOps}`,
        'watchpost-scheduler': `127.0.0.1:${schedulerOps}`,
      },
    });
    await writeFile(join(dir, 'prometheus.yml'), stringify(config));
    prometheusUrl = `http://127.0.0.1:${prometheusPort}`;
    processes.push(
      spawnProgram('prometheus', PROMETHEUS_BINARY, [
        `--config.file=${join(dir, 'prometheus.yml')}`,
        `--storage.tsdb.path=${join(dir, 'data')}`,
        `--web.listen-address=127.0.0.1:${prometheusPort}`,
        '--log.level=warn',
      ]),
    );

    // One monitor in each state the dashboards draw: UP with a tag, DOWN (which notifies
    // through a webhook, for the deliveries panel) and one with a certificate.
    const notification = await client.call<{ ok: boolean; id: number }>(
      'addNotification',
      {
        name: 'hook',
        type: 'webhook',
        isDefault: false,
        applyExisting: false,
        webhookURL: `${webhook.url}/hook`,
        webhookContentType: 'json',
      },
      null,
    );
    expect(notification.ok).toBe(true);
    const add = async (name: string, url: string, extra: Record<string, unknown> = {}) => {
      const added = await client!.call<{ ok: boolean; monitorID: number; msg?: string }>('add', {
        type: 'http',
        name,
        url,
        interval: 1,
        retryInterval: 1,
        maxretries: 0,
        accepted_statuscodes: ['200-299'],
        notificationIDList: {},
        ...extra,
      });
      expect(added, name).toMatchObject({ ok: true });
      return added.monitorID;
    };
    const upId = await add('prom up', upTarget.url);
    // A port nothing listens on: refused, DOWN at the first check.
    await add('prom down', `http://127.0.0.1:${await freePort()}/`, {
      notificationIDList: { [String(notification.id)]: true },
    });
    await add('prom tls', tlsTarget.url, { ignoreTls: true });
    const tag = await client.call<{ ok: boolean; tag: { id: number } }>('addTag', {
      name: 'env',
      color: '#2563eb',
    });
    expect(await client.call('addMonitorTag', tag.tag.id, upId, 'prod')).toMatchObject({
      ok: true,
    });
  }, 90_000);

  afterAll(async () => {
    client?.close();
    // Prometheus first, so no scrape meets a stopping role.
    for (const role of processes.reverse()) await role.stop();
    await Promise.all([upTarget?.close(), tlsTarget?.close(), webhook?.close()]);
    await fresh.drop();
    if (dir) await rm(dir, { recursive: true, force: true });
  }, 60_000);

  it("scrapes the tenant metrics with the API key and every role's operator port", async () => {
    const jobs = await waitFor(
      async () => {
        const up = await query('up == 1').catch(() => []);
        return up.length === 4 ? up.map((s) => s.metric.job).sort() : false;
      },
      { timeoutMs: 20_000, intervalMs: 250, what: 'four targets up' },
    ).catch((error: unknown) => {
      throw new Error(
        `${String(error)}\n${processes.map((p) => `${p.name}: ${p.output()}`).join('\n')}`,
      );
    });
    expect(jobs).toEqual(['watchpost', 'watchpost-api', 'watchpost-scheduler', 'watchpost-worker']);
  });

  it("reads a monitor's status back with Watchpost's labels, its tags included", async () => {
    const [series] = await waitFor(
      async () => {
        const result = await query('monitor_status{monitor_name="prom up"}');
        return result.length > 0 ? result : false;
      },
      { timeoutMs: 15_000, intervalMs: 250, what: 'monitor_status of "prom up"' },
    );
    expect(series?.value[1]).toBe('1');
    expect(series?.metric).toMatchObject({
      job: 'watchpost',
      monitor_name: 'prom up',
      monitor_type: 'http',
      monitor_url: upTarget?.url,
      env: 'prod',
      monitor_id: expect.stringMatching(/^\d+$/),
    });
  });

  it('answers every query of the shipped dashboards with at least one series', async () => {
    const dashboards = await loadDashboards();
    const queries = [...dashboards].flatMap(([file, dashboard]) =>
      queriesOf(dashboard).map((q) => ({
        dashboard: file.replace(/^watchpost-|\.json$/g, ''),
        ...q,
        promql: withVariablesSubstituted(q.expr),
      })),
    );
    const answers = new Map<string, Series[]>();
    const seriesCount = (promql: string) => answers.get(promql)?.length ?? 0;
    // Rates need two scrapes in their window and the webhook its delivery: poll until every
    // query has series, then report them all either way.
    await waitFor(
      async () => {
        for (const q of queries) answers.set(q.promql, await query(q.promql));
        return queries.every((q) => seriesCount(q.promql) > 0);
      },
      { timeoutMs: 20_000, intervalMs: 1000, what: 'series for every dashboard query' },
    ).catch(() => {});
    // Series count, the first series' value, where the query sits, the query as asked.
    const table = queries.map((q) => {
      const first = answers.get(q.promql)?.[0]?.value[1] ?? '-';
      return `${String(seriesCount(q.promql)).padStart(3)}  ${first.slice(0, 10).padEnd(10)}  ${q.dashboard} / ${q.where}: ${q.promql}`;
    });
    console.log(`series  first value  dashboard / panel: query\n${table.join('\n')}`);
    expect(queries.length).toBeGreaterThan(20);
    expect(queries.filter((q) => seriesCount(q.promql) === 0).map((q) => q.promql)).toEqual([]);
    expect(webhook?.requests.length).toBeGreaterThan(0);
  });
});
