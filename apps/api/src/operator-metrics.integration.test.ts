import parsePrometheusTextFormat, { type PrometheusFamily } from 'parse-prometheus-text-format';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeyRepository } from '@watchpost/core/db';
import {
  createOperatorRegistry,
  registerSchedulerMetrics,
  registerWorkerMetrics,
  serveOperatorMetrics,
  type OperatorMetricsServer,
} from '@watchpost/core/operator-metrics';
import { createApiTestContext, type ApiTestContext } from './testing/api-test-context.js';

// The operator endpoint beside a tenant-facing API node, as the all-in-one process runs
// them: every operator family on its own port, none of them on the port tenants reach.

let ctx: ApiTestContext;
let operator: OperatorMetricsServer;
let tenantKey: string;

const OPERATOR_FAMILIES = {
  watchpost_check_duration_seconds: 'HISTOGRAM',
  watchpost_checks_total: 'COUNTER',
  watchpost_check_lateness_seconds: 'HISTOGRAM',
  watchpost_heartbeat_write_batch_size: 'HISTOGRAM',
  watchpost_notification_deliveries_total: 'COUNTER',
  watchpost_check_queue_waiting_jobs: 'GAUGE',
  watchpost_scheduler_claimed_checks_total: 'COUNTER',
  process_cpu_seconds_total: 'COUNTER',
  process_start_time_seconds: 'GAUGE',
  nodejs_heap_size_used_bytes: 'GAUGE',
  nodejs_eventloop_lag_seconds: 'GAUGE',
};

async function scrapeFamilies(url: string, init?: RequestInit) {
  const response = await fetch(url, init);
  expect(response.status).toBe(200);
  const families = parsePrometheusTextFormat(await response.text());
  return new Map<string, PrometheusFamily>(families.map((f) => [f.name, f]));
}

beforeAll(async () => {
  ctx = await createApiTestContext('operator-metrics');
  const user = await ctx.createUser('operator-metrics');
  tenantKey = (
    await apiKeyRepository.createApiKey(ctx.db, user.tenantId, user.userId, {
      name: 'prometheus',
      expires: null,
      expiresAt: null,
      active: true,
      scope: 'read',
    })
  ).key;

  const registry = createOperatorRegistry();
  const worker = registerWorkerMetrics(registry);
  const scheduler = registerSchedulerMetrics(registry, {
    checkQueue: { waitingCount: async () => 3 },
  });
  worker.checkDuration.observe({ type: 'http', status: 'up' }, 0.08);
  worker.checks.inc({ type: 'http', outcome: 'up' });
  worker.checks.inc({ type: 'port', outcome: 'down' });
  worker.checkLateness.observe(0.02);
  worker.beatBatchSize.observe(250);
  scheduler.claimedChecks.inc(2);
  operator = await serveOperatorMetrics(registry, {
    listen: { port: 0, host: '127.0.0.1' },
    logger: pino({ level: 'silent' }),
  });
});
afterAll(async () => {
  await operator?.close();
  await ctx?.close();
});

describe('operator metrics endpoint', () => {
  it('serves every operator family with its Prometheus type on its own port', async () => {
    const families = await scrapeFamilies(operator.url ?? '');
    const types = Object.fromEntries(
      Object.keys(OPERATOR_FAMILIES).map((name) => [name, families.get(name)?.type]),
    );
    expect(types).toEqual(OPERATOR_FAMILIES);
  });

  it('labels outcomes by monitor type and exposes the queue depth read at scrape time', async () => {
    const families = await scrapeFamilies(operator.url ?? '');
    expect(families.get('watchpost_checks_total')?.metrics).toEqual(
      expect.arrayContaining([
        { labels: { type: 'http', outcome: 'up' }, value: '1' },
        { labels: { type: 'port', outcome: 'down' }, value: '1' },
      ]),
    );
    expect(families.get('watchpost_check_queue_waiting_jobs')?.metrics).toEqual([{ value: '3' }]);
    expect(families.get('watchpost_scheduler_claimed_checks_total')?.metrics).toEqual([
      { value: '2' },
    ]);
    // Defined ahead of the notifications work: the family is there, with no samples yet.
    expect(families.get('watchpost_notification_deliveries_total')?.metrics).toEqual([]);
  });

  it('is not served on the tenant-facing port, with or without an API key', async () => {
    const tenantFamilies = await scrapeFamilies(`${ctx.node.url}/metrics`, {
      headers: { authorization: `Bearer ${tenantKey}` },
    });
    for (const name of Object.keys(OPERATOR_FAMILIES)) {
      expect(tenantFamilies.has(name), name).toBe(false);
    }
    expect(tenantFamilies.has('monitor_status')).toBe(true);
    for (const name of tenantFamilies.keys()) expect(name).toMatch(/^monitor_/);

    const anonymous = await fetch(`${ctx.node.url}/metrics`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.text()).not.toMatch(/watchpost_|process_|nodejs_/);
  });

  it('answers nothing but its metrics and health routes', async () => {
    const base = operator.url?.replace(/\/metrics$/, '') ?? '';
    for (const path of ['/api/badge/1/status', '/socket.io/?EIO=4&transport=polling']) {
      expect((await fetch(`${base}${path}`)).status, path).toBe(404);
    }
  });
});
