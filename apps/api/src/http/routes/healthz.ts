import type { FastifyInstance } from 'fastify';

import type { HealthProbe } from '@watchpost/core/compose';

export type { HealthProbe };

export interface HealthzDeps {
  /** One probe per dependency, by the name a failing answer reports. */
  probes: Record<string, HealthProbe>;
}

export const HEALTHZ_PATH = '/healthz';

// A probe must answer well inside a load balancer's timeout even when a dependency hangs
// (ioredis queues commands while it reconnects; a saturated pool queues queries).
const PROBE_TIMEOUT_MS = 2_000;

/**
 * `GET /healthz`: 200 `{ok:true}` when every dependency answers, else 503 naming the ones
 * that did not.
 */
export function registerHealthzRoute(app: FastifyInstance, deps: HealthzDeps): void {
  app.get(HEALTHZ_PATH, async (_request, reply) => {
    const results = await Promise.all(
      Object.entries(deps.probes).map(async ([name, probe]) => ({
        name,
        ok: await answersInTime(probe),
      })),
    );
    const failed = results.filter((r) => !r.ok).map((r) => r.name);
    if (failed.length === 0) return { ok: true };
    return reply.code(503).send({ ok: false, failed });
  });
}

async function answersInTime(probe: HealthProbe): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), PROBE_TIMEOUT_MS);
  });
  try {
    return await Promise.race([
      probe().then(
        () => true,
        () => false,
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
