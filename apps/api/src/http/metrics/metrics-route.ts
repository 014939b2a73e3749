import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { monitorMetricsRepository, type Database } from '@watchpost/core/db';
import { findAutoLoginUser } from '@watchpost/core/services';
import { principalOf, requireApiKey } from '../auth/authenticate-request.js';
import { renderKumaMetrics } from './render-kuma-metrics.js';

export const METRICS_PATH = '/metrics';
/** docs/protocol/http.md#prometheus-metrics: Prometheus text exposition 0.0.4. */
export const METRICS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

export interface MetricsRouteDeps {
  db: Kysely<Database>;
}

/**
 * `GET /metrics` (docs/protocol/http.md#prometheus-metrics): the monitors of the tenant whose API key the scrape presents
 * (Basic with the key as password, as Prometheus sends it, or Bearer), from the state rows in
 * Postgres, so any API node answers for every monitor. No or a bad key: 401 with an empty
 * body and a Basic challenge, as upstream answers. With authentication disabled (docs/protocol/authentication.md#disabled-authentication,
 * see findAutoLoginUser for when it can be) a scrape without credentials is answered too.
 */
export function registerMetricsRoute(app: FastifyInstance, deps: MetricsRouteDeps): void {
  const requireKey = requireApiKey(deps.db, { challenge: 'basic' });
  const openScrapes = new WeakMap<FastifyRequest, number>();
  const authenticate = async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.headers.authorization === undefined) {
      const identity = await findAutoLoginUser(deps);
      if (identity) {
        openScrapes.set(request, identity.tenantId);
        return undefined;
      }
    }
    return requireKey(request, reply);
  };
  app.get(METRICS_PATH, { preHandler: authenticate }, async (request, reply) => {
    const tenantId = openScrapes.get(request) ?? principalOf(request).tenantId;
    const monitors = await monitorMetricsRepository.listMonitorMetrics(deps.db, tenantId);
    return reply.type(METRICS_CONTENT_TYPE).send(renderKumaMetrics(monitors));
  });
}
