import * as heartbeatRepository from '../heartbeats/heartbeat-repository.js';
import * as monitorRepository from '../monitors/monitor-repository.js';
import { MAINTENANCE, UP } from '../monitors/monitor-status.js';
import type { ServerEvent } from '../protocol/server-events.js';
import { monitorStatEvents } from '../realtime/monitor-stat-events.js';
import type { ServiceContext } from '../services/service-context.js';
import { readWindowCounters } from '../stats/window-counters.js';

// docs/protocol/authentication.md#post-login-burst: what the burst replays per monitor.
const RECENT_BEATS = 100;
const IMPORTANT_BEATS = 500;

/**
 * How many monitors one page of the replay covers: one query per kind and page. 200 monitors
 * of 100 beats is about 3 MB of JSON, which the database writes; the API only frames it.
 */
export const REPLAY_PAGE_MONITORS = 200;

/**
 * One push as the JSON text of its `[event, ...args]` array, which is what Socket.IO writes
 * after the packet type: the replay's beat lists arrive as JSON from the database and go out
 * without being parsed and serialised again.
 */
export type EncodedEvent = string;

/** Pushes sent together to the logging-in socket. */
export type ReplaySlice = EncodedEvent[];

/** The JSON text of a push; the one way the replay encodes the events it builds itself. */
export function encodeEvent(event: ServerEvent): EncodedEvent {
  return JSON.stringify(event);
}

/**
 * Steps 9 to 11 of the post-login burst (docs/protocol/authentication.md#post-login-burst) in
 * slices of at most REPLAY_PAGE_MONITORS monitors: every monitor's `heartbeatList`, then every
 * `importantHeartbeatList`, then the statistics pushes, each kind in ascending id order as
 * upstream loops. All of them go to the logging-in socket only: upstream sends the statistics
 * to the whole room, whose other sockets hold them already, and at thousands of monitors that
 * repetition would be thousands of pushes fanned out to every API node per login. The
 * database is read a page at a time, the next pages' queries running while the caller sends
 * the current slice, so memory and each slice's cost stay bounded however many monitors and
 * beats the tenant has. The beat lists come as JSON text written by the database; the
 * statistics are the rolling window counters every beat's pushes read (architecture rule 8).
 */
export async function* replayMonitors(
  ctx: ServiceContext,
  monitorIds: readonly number[],
  pageSize = REPLAY_PAGE_MONITORS,
): AsyncGenerator<ReplaySlice> {
  const { db, tenantId } = ctx;
  const pages = pagesOf(monitorIds, pageSize);
  let states: ReturnType<typeof monitorRepository.listMonitorStates> | undefined;
  // Step 9's beats are oldest first, step 10's newest first; `monitorID` is the id as a string.
  const recentSlice = async (ids: number[]): Promise<ReplaySlice> => {
    const recent = await heartbeatRepository.listLatestBeatsJson(db, tenantId, ids, RECENT_BEATS);
    return ids.map((id) => `["heartbeatList","${id}",${recent.get(id) ?? '[]'},false]`);
  };
  const importantSlice = async (ids: number[]): Promise<ReplaySlice> => {
    const important = await heartbeatRepository.listLatestImportantBeatsJson(
      db,
      tenantId,
      ids,
      IMPORTANT_BEATS,
    );
    return ids.map((id) => `["importantHeartbeatList","${id}",${important.get(id) ?? '[]'},false]`);
  };
  const statSlice = async (ids: number[]): Promise<ReplaySlice> => {
    states ??= monitorRepository.listMonitorStates(db, tenantId);
    const [stateOf, windows] = await Promise.all([
      states,
      readWindowCounters(
        db,
        ids.map((monitorId) => ({ monitorId, tenantId })),
      ),
    ]);
    return ids.flatMap((id) => {
      const state = stateOf.get(id);
      const currentlyUp = state?.status === UP || state?.status === MAINTENANCE;
      const stats = windows.get(id);
      return monitorStatEvents(
        String(id),
        { day: stats?.day, month: stats?.month },
        currentlyUp,
        state?.tlsInfo ?? null,
      ).map(encodeEvent);
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
