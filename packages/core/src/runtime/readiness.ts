/** A readiness probe: resolves when its dependency answers, rejects (or hangs) when not. */
export type HealthProbe = () => Promise<unknown>;

export type Readiness = { ok: true } | { ok: false; failed: string[] };

/** The three paths every role answers health on (the API on its port, the others on the operator port). */
export const HEALTH_PATHS = {
  /** The process runs and its event loop turns: restart it only when this fails. */
  live: '/healthz/live',
  /** Every dependency answers and the schema is the build's: send it work. */
  ready: '/healthz/ready',
  /** Kept as it always was (readiness) for load balancers configured before the split. */
  compatible: '/healthz',
} as const;

// A probe must answer well inside a load balancer's timeout even when a dependency hangs
// (ioredis queues commands while it reconnects; a saturated pool queues queries).
const PROBE_TIMEOUT_MS = 2_000;

/** Runs every probe at once; the answer names the ones that failed or did not answer in time. */
export async function checkReadiness(probes: Record<string, HealthProbe>): Promise<Readiness> {
  const results = await Promise.all(
    Object.entries(probes).map(async ([name, probe]) => ({ name, ok: await answersInTime(probe) })),
  );
  const failed = results.filter((r) => !r.ok).map((r) => r.name);
  return failed.length === 0 ? { ok: true } : { ok: false, failed };
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
