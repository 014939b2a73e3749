import {
  checkTargetRepository,
  type CheckConfig,
  type CheckTarget,
  type Database,
} from '@watchpost/core/db';
import type { Kysely } from 'kysely';

type CheckRef = { monitorId: number; tenantId: number };

export interface CheckConfigCache {
  /**
   * The check targets of a batch of jobs: one primary-key query for the state of the whole
   * batch, plus one for the configs this worker does not hold (or holds an older version of).
   * A monitor gone from the job's tenant is absent from the map.
   */
  load(refs: readonly CheckRef[]): Promise<Map<number, CheckTarget>>;
  /** Drops what is kept of a monitor (the change bus says it was edited, paused or deleted). */
  forget(monitorId: number): void;
}

/**
 * Monitor configurations kept between checks, so a check does not reload and re-parse its
 * monitor (and open its secrets) every interval. Two things keep a kept config current:
 * - the row version read with each batch's state: any update of the monitor row (an edit,
 *   a proxy applied to it, a secret rotation, a new DNS answer) makes the next check reload
 *   it, whether or not a change message arrived;
 * - the change bus, for what the row version cannot show: a group above the monitor paused,
 *   or the monitor deleted (which also frees its memory).
 * Only effectively active monitors are kept: a paused one has no further checks to speed up.
 */
export function createCheckConfigCache(db: Kysely<Database>): CheckConfigCache {
  const kept = new Map<number, CheckConfig>();
  // Counts forgets: a load that overlapped one may hold what was read before the change.
  let forgets = 0;

  function keep(config: CheckConfig, loadStartedAt: number): void {
    if (config.effectivelyActive && forgets === loadStartedAt) kept.set(config.monitor.id, config);
  }

  return {
    async load(refs) {
      const startedAt = forgets;
      const held = (r: CheckRef) => {
        const config = kept.get(r.monitorId);
        return config?.monitor.tenantId === r.tenantId ? config : undefined;
      };
      const missing = refs.filter((r) => !held(r));
      const [runtimes, loaded] = await Promise.all([
        checkTargetRepository.loadCheckRuntimes(db, refs),
        checkTargetRepository.loadCheckConfigs(db, missing),
      ]);
      for (const config of loaded.values()) {
        // Read beside the state, not before it: keep it only if both saw the same row.
        if (config.version === runtimes.get(config.monitor.id)?.version) keep(config, startedAt);
      }
      const outdated = refs.filter((r) => {
        const runtime = runtimes.get(r.monitorId);
        if (!runtime) {
          kept.delete(r.monitorId); // deleted, or never this tenant's: nothing to keep
          return false;
        }
        const config = held(r);
        return config !== undefined && config.version !== runtime.version;
      });
      const reloaded = await checkTargetRepository.loadCheckConfigs(db, outdated);
      for (const config of reloaded.values()) keep(config, startedAt);

      const targets = new Map<number, CheckTarget>();
      for (const r of refs) {
        const runtime = runtimes.get(r.monitorId);
        const config = reloaded.get(r.monitorId) ?? loaded.get(r.monitorId) ?? held(r);
        if (runtime && config) {
          targets.set(r.monitorId, checkTargetRepository.combineCheckTarget(config, runtime));
        }
      }
      return targets;
    },
    forget(monitorId) {
      forgets++;
      kept.delete(monitorId);
    },
  };
}
