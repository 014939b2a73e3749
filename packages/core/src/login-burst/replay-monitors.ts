import * as heartbeatRepository from '../heartbeats/heartbeat-repository.js';
import { toHeartbeatRowJson, toImportantHeartbeatJson } from '../heartbeats/heartbeat-wire.js';
import * as monitorRepository from '../monitors/monitor-repository.js';
import { MAINTENANCE, UP } from '../monitors/monitor-status.js';
import type { ServerEvent } from '../protocol/server-events.js';
import { monitorStatEvents } from '../realtime/monitor-stat-events.js';
import type { ServiceContext } from '../services/service-context.js';
import * as statsRepository from '../stats/stats-repository.js';

// docs/protocol/authentication.md#post-login-burst: what the burst replays per monitor.
const RECENT_BEATS = 100;
const IMPORTANT_BEATS = 500;

/**
 * How many monitors one page of the replay covers: one query per kind and page, and one
 * slice of pushes sent without yielding. 200 monitors of 100 beats is about 3 MB of JSON,
 * some tens of milliseconds of serialisation: short enough that other sockets' events
 * never wait long behind a burst, long enough that a page's query costs more than its
 * round trip.
 */
export const REPLAY_PAGE_MONITORS = 200;

/** Pushes sent together to the logging-in socket. */
export type ReplaySlice = ServerEvent[];

/**
 * Steps 9 to 11 of the post-login burst (docs/protocol/authentication.md#post-login-burst) in
 * slices of at most REPLAY_PAGE_MONITORS monitors: every monitor's `heartbeatList`, then every
 * `importantHeartbeatList`, then the statistics pushes, each kind in ascending id order as
 * upstream loops. All of them go to the logging-in socket only: upstream sends the statistics
 * to the whole room, whose other sockets hold them already, and at thousands of monitors that
 * repetition would be thousands of pushes fanned out to every API node per login. The database is read a page at a time, the next pages' queries running
 * while the caller sends the current slice, so memory and each slice's cost stay bounded
 * however many monitors and beats the tenant has.
 */
export async function* replayMonitors(
  ctx: ServiceContext,
  monitorIds: readonly number[],
  pageSize = REPLAY_PAGE_MONITORS,
): AsyncGenerator<ReplaySlice> {
  const { db, tenantId } = ctx;
  const pages = pagesOf(monitorIds, pageSize);
  let states: ReturnType<typeof monitorRepository.listMonitorStates> | undefined;

  const recentSlice = async (ids: number[]): Promise<ReplaySlice> => {
    const recent = await heartbeatRepository.listLatestBeats(db, tenantId, ids, RECENT_BEATS);
    return ids.map((id) => [
      'heartbeatList',
      String(id),
      (recent.get(id) ?? []).map(toHeartbeatRowJson),
      false,
    ]);
  };
  const importantSlice = async (ids: number[]): Promise<ReplaySlice> => {
    const important = await heartbeatRepository.listLatestBeats(
      db,
      tenantId,
      ids,
      IMPORTANT_BEATS,
      true,
    );
    return ids.map((id) => [
      'importantHeartbeatList',
      String(id),
      // listLatestBeats answers oldest first; this list is newest first (step 10).
      [...(important.get(id) ?? [])].reverse().map(toImportantHeartbeatJson),
      false,
    ]);
  };
  const statSlice = async (ids: number[]): Promise<ReplaySlice> => {
    states ??= monitorRepository.listMonitorStates(db, tenantId);
    const [stateOf, day, month] = await Promise.all([
      states,
      statsRepository.getWindowStats(db, tenantId, ids, 24),
      statsRepository.getWindowStats(db, tenantId, ids, 720),
    ]);
    return ids.flatMap((id) => {
      const state = stateOf.get(id);
      const currentlyUp = state?.status === UP || state?.status === MAINTENANCE;
      return monitorStatEvents(
        String(id),
        { day: day.get(id), month: month.get(id) },
        currentlyUp,
        state?.tlsInfo ?? null,
      );
    });
  };

  yield* inOrder(
    [recentSlice, importantSlice, statSlice].flatMap((load) => pages.map((ids) => () => load(ids))),
  );
}

function pagesOf(ids: readonly number[], size: number): number[][] {
  const pages: number[][] = [];
  for (let i = 0; i < ids.length; i += size) pages.push(ids.slice(i, i + size));
  return pages;
}

/**
 * How many slices are read ahead of the one being sent: a one-page tenant's three kinds load
 * at once, and a large tenant's next queries run while the current slice is sent.
 */
const SLICES_IN_FLIGHT = 3;

/** Runs the loads with a few in flight and yields their slices in order. */
async function* inOrder(
  loads: readonly (() => Promise<ReplaySlice>)[],
): AsyncGenerator<ReplaySlice> {
  const started: Promise<ReplaySlice>[] = [];
  const startUpTo = (count: number) => {
    while (started.length < Math.min(count, loads.length)) {
      const slice = loads[started.length]!();
      // A failed read-ahead must not go unhandled while an earlier slice is still awaited;
      // it is awaited (and throws) on its own turn.
      slice.catch(() => {});
      started.push(slice);
    }
  };
  for (let i = 0; i < loads.length; i++) {
    startUpTo(i + SLICES_IN_FLIGHT);
    yield await started[i]!;
  }
}
