import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { sql, type Kysely } from 'kysely';
import type { Database } from '@watchpost/core/db';

export interface HealthzDeps {
  db: Kysely<Database>;
  redis: Redis;
}

export const HEALTHZ_PATH = '/healthz';

type Dependency = 'postgres' | 'redis';

// A probe must answer well inside a load balancer's timeout even when a dependency hangs
// (ioredis queues commands while it reconnects; a saturated pool queues queries).
const PROBE_TIMEOUT_MS = 2_000;

/**
 * `GET /healthz`: 200 `{ok:true}` when Postgres and Redis both answer, else 503 naming the
 * dependencies that did not.
 */
export function registerHealthzRoute(app: FastifyInstance, deps: HealthzDeps): void {
  app.get(HEALTHZ_PATH, async (_request, reply) => {
    const probes: Record<Dependency, () => Promise<unknown>> = {
      postgres: () => sql`select 1`.execute(deps.db),
      redis: () => deps.redis.ping(),
    };
    const results = await Promise.all(
      (Object.keys(probes) as Dependency[]).map(async (name) => ({
        name,
        ok: await answersInTime(probes[name]),
      })),
    );
    const failed = results.filter((r) => !r.ok).map((r) => r.name);
    if (failed.length === 0) return { ok: true };
    return reply.code(503).send({ ok: false, failed });
  });
}

async function answersInTime(probe: () => Promise<unknown>): Promise<boolean> {
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
