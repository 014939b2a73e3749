import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { listMonitorMetrics, type Database } from '@watchpost/core/db';
import { principalOf, requireApiKey } from '../auth/authenticate-request.js';
import { renderKumaMetrics } from './render-kuma-metrics.js';

export const METRICS_PATH = '/metrics';
/** Spec §7.5: Prometheus text exposition 0.0.4. */
export const METRICS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

export interface MetricsRouteDeps {
  db: Kysely<Database>;
}

/**
 * `GET /metrics` (spec §7.5): the monitors of the tenant whose API key the scrape presents
 * (Basic with the key as password, as Prometheus sends it, or Bearer), from the state rows in
 * Postgres, so any API node answers for every monitor. No or a bad key: 401 with an empty
 * body and a Basic challenge, as upstream answers.
 */
export function registerMetricsRoute(app: FastifyInstance, deps: MetricsRouteDeps): void {
  app.get(
    METRICS_PATH,
    { preHandler: requireApiKey(deps.db, { challenge: 'basic' }) },
    async (request, reply) => {
      const monitors = await listMonitorMetrics(deps.db, principalOf(request).tenantId);
      return reply.type(METRICS_CONTENT_TYPE).send(renderKumaMetrics(monitors));
    },
  );
}
