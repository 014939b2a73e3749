import type { Kysely } from 'kysely';
import { monitorInputSchema } from '@watchpost/core';
import { monitorRepository, tenantRepository, type Database } from '@watchpost/core/db';
import { createPipelineRoles } from './pipeline-roles.js';
import { startTarpit } from './tarpit.js';
import { startHttpTarget } from './targets.js';

export interface FairnessScenario {
  /** Monitors of the hostile tenant, each against a server that never answers. */
  hostileMonitors: number;
  /** Monitors of the other tenant, against a server that answers at once. */
  victimMonitors: number;
  /** The worker's per-tenant cap; null runs without one, for comparison. */
  tenantChecksInFlight: number | null;
  workerConcurrency: number;
  /** How long lateness is sampled, after a warm-up of one hostile interval. */
  seconds: number;
}

export interface FairnessResult {
  /** Start − due time of each of the other tenant's checks, in ms, sorted. */
  victimLatenessMs: number[];
  /** Checks the hostile tenant started (deferred ones included). */
  hostileJobs: number;
  /** Connections the tarpit holds or held. */
  tarpitConnections: number;
}

// The hostile monitors wait out their whole timeout on the tarpit: without a per-tenant cap
// they hold every worker slot for that long each interval.
const HOSTILE_INTERVAL_S = 25;
const HOSTILE_TIMEOUT_S = 20;
const VICTIM_INTERVAL_S = 1;

/**
 * One tenant's monitors against a tarpit and another tenant's against a healthy server, run
 * by the real scheduler and worker on Postgres, Redis and BullMQ; measures how late the
 * other tenant's checks start (architecture rule 13).
 */
export async function runFairnessScenario(
  db: Kysely<Database>,
  prefix: string,
  scenario: FairnessScenario,
): Promise<FairnessResult> {
  const tarpit = await startTarpit();
  const healthy = await startHttpTarget();
  const roles = createPipelineRoles(db, prefix);
  try {
    const hostile = await tenantRepository.createTenantWithAdmin(db, {
      name: `${prefix}-hostile`,
      username: `${prefix}-hostile`,
      passwordHash: 'x',
    });
    const victim = await tenantRepository.createTenantWithAdmin(db, {
      name: `${prefix}-victim`,
      username: `${prefix}-victim`,
      passwordHash: 'x',
    });
    const parse = monitorInputSchema(1).parse;
    const monitors = (count: number, fields: Record<string, unknown>) =>
      Array.from({ length: count }, (_, i) => ({
        input: parse({ type: 'http', name: `m${i}`, accepted_statuscodes: ['200-299'], ...fields }),
        active: true,
      }));
    await monitorRepository.insertMonitors(
      db,
      hostile.tenantId,
      monitors(scenario.hostileMonitors, {
        url: tarpit.url,
        interval: HOSTILE_INTERVAL_S,
        timeout: HOSTILE_TIMEOUT_S,
      }),
    );
    await monitorRepository.insertMonitors(
      db,
      victim.tenantId,
      monitors(scenario.victimMonitors, { url: healthy.url, interval: VICTIM_INTERVAL_S }),
    );

    const lateness: number[] = [];
    let hostileJobs = 0;
    let measuring = false;
    await roles.startWorker({
      concurrency: scenario.workerConcurrency,
      tenantChecksInFlight: scenario.tenantChecksInFlight,
      onJob(job) {
        if (job.tenantId === hostile.tenantId) hostileJobs++;
        else if (measuring) lateness.push(Date.now() - job.dueAt);
      },
    });
    // The scheduler's first reconciliation puts every monitor on its slot.
    await roles.startScheduler();
    await sleep(2_000);
    measuring = true;
    await sleep(scenario.seconds * 1000);
    measuring = false;
    return {
      victimLatenessMs: lateness.sort((a, b) => a - b),
      hostileJobs,
      tarpitConnections: tarpit.accepted(),
    };
  } finally {
    // The tarpit first: its dropped connections end the hung checks the worker waits for.
    await tarpit.close();
    await roles.close();
    await healthy.close();
  }
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
