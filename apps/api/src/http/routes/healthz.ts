import type { FastifyInstance, FastifyReply } from 'fastify';
import { checkReadiness, HEALTH_PATHS, type HealthProbe } from '@watchpost/core/runtime';

export type { HealthProbe };

export interface HealthzDeps {
  /** One probe per dependency, by the name a failing answer reports. */
  probes: Record<string, HealthProbe>;
}

/**
 * `GET /healthz/live`: 200 `{ok:true}` while the process serves at all. `GET /healthz/ready`
 * and `GET /healthz` (its older name): 200 `{ok:true}` when every dependency answers, else
 * 503 naming the ones that did not.
 */
export function registerHealthzRoute(app: FastifyInstance, deps: HealthzDeps): void {
  app.get(HEALTH_PATHS.live, async () => ({ ok: true }));
  const ready = async (_request: unknown, reply: FastifyReply) => {
    const readiness = await checkReadiness(deps.probes);
    if (!readiness.ok) reply.code(503);
    return readiness;
  };
  app.get(HEALTH_PATHS.ready, ready);
  app.get(HEALTH_PATHS.compatible, ready);
}

/** Whether a request is one of the health paths (not logged one by one). */
export function isHealthPath(url: string): boolean {
  return Object.values<string>(HEALTH_PATHS).includes(url);
}
