import type {
  MonitorMeta,
  MonitorMetaDelta,
  MonitorSummary,
  ServerInfo,
  ServerToClientEvents,
} from '@watchpost/core';
import { buildMonitorTree, EMPTY_TREE, type MonitorTree } from './monitor-filters.js';

export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting';

/**
 * Where sign-in stands. `unknown` until the server answered `needSetup` (or a stored token
 * was tried); `loggedIn` once the login's summaries or its ack arrived, whichever came first
 * (see signInBySummaries).
 */
export type AuthPhase = 'unknown' | 'needSetup' | 'loggedOut' | 'loggedIn';

type Payload<E extends keyof ServerToClientEvents> = Parameters<ServerToClientEvents[E]>;
export type HeartbeatJson = Payload<'heartbeat'>[0];

/** What the server last said about one monitor beyond its summary (live pushes). */
export interface MonitorLiveStats {
  avgPing?: number | null;
  /** Uptime ratio by period in hours (24, 720, …). */
  uptime: Record<number, number>;
  /** The `certInfo` push's JSON string (docs/protocol/compatibility.md#json-inside-strings). */
  certInfo?: string;
}

export interface DashboardState {
  connection: ConnectionStatus;
  auth: { phase: AuthPhase; username: string | null; notice: string | null };
  info: ServerInfo | null;
  /** False until the first lean burst arrived: the list shows "loading", not "empty". */
  monitorsLoaded: boolean;
  monitors: ReadonlyMap<number, MonitorSummary>;
  /** The list's order, tags and types, rebuilt only when names, groups or membership change. */
  monitorTree: MonitorTree;
  stats: ReadonlyMap<number, MonitorLiveStats>;
  /**
   * Beats of the monitors a page is watching (see watchMonitorBeats), newest last; live
   * beats are appended only for ids present here, so 5,000 monitors cost nothing.
   */
  watchedBeats: ReadonlyMap<number, readonly HeartbeatJson[]>;
  notifications: Payload<'notificationList'>[0] | null;
  proxies: Payload<'proxyList'>[0] | null;
  dockerHosts: Payload<'dockerHostList'>[0] | null;
  apiKeys: Payload<'apiKeyList'>[0] | null;
  statusPages: Payload<'statusPageList'>[0] | null;
  maintenances: Payload<'maintenanceList'>[0] | null;
}

export const initialDashboardState: DashboardState = {
  connection: 'connecting',
  auth: { phase: 'unknown', username: null, notice: null },
  info: null,
  monitorsLoaded: false,
  monitors: new Map(),
  monitorTree: EMPTY_TREE,
  stats: new Map(),
  watchedBeats: new Map(),
  notifications: null,
  proxies: null,
  dockerHosts: null,
  apiKeys: null,
  statusPages: null,
  maintenances: null,
};

/** The pushes the dashboard keeps, as values: a name and exactly its map's arguments. */
export type DashboardPush = {
  [E in keyof ServerToClientEvents]: [event: E, ...args: Payload<E>];
}[keyof ServerToClientEvents];

/** How many beats a summary's bar keeps (docs/protocol/dashboard.md#monitor-summaries). */
export const BAR_BEATS = 40;
/** How many beats a watched monitor keeps in memory. */
export const WATCHED_BEATS = 200;

/**
 * Applies a batch of pushes in order. The socket client batches what arrives within a frame,
 * so a busy tenant (hundreds of beats a second) copies the monitor map once per batch, not
 * once per beat.
 */
export function applyPushes(
  state: DashboardState,
  pushes: readonly DashboardPush[],
): DashboardState {
  const draft = new Draft(state);
  for (const push of pushes) applyPush(draft, push);
  return draft.finish();
}

/**
 * A lean socket receives `monitorSummaryList` only once its login succeeded, and the login's
 * ack follows it with nothing that can fail in between
 * (docs/protocol/dashboard.md#what-a-lean-socket-receives): so a batch that carries the
 * summaries while a login is in flight signs the user in, and the list shows with them
 * instead of after the ack. `login` is the login in flight, null when none is.
 */
export function signInBySummaries(
  state: DashboardState,
  pushes: readonly DashboardPush[],
  login: { username: string | null } | null,
): DashboardState {
  if (login === null || state.auth.phase === 'loggedIn') return state;
  if (!pushes.some(([event]) => event === 'monitorSummaryList')) return state;
  return { ...state, auth: { phase: 'loggedIn', username: login.username, notice: null } };
}

function applyPush(draft: Draft, push: DashboardPush): void {
  switch (push[0]) {
    case 'monitorSummaryList':
      return draft.replaceMonitors(push[1]);
    case 'monitorMetaDelta':
      return draft.applyMetaDelta(push[1]);
    case 'heartbeat':
      return draft.applyBeat(push[1]);
    case 'avgPing':
      return draft.updateStats(Number(push[1]), (s) => ({ ...s, avgPing: push[2] }));
    case 'uptime': {
      const [, id, hours, ratio] = push;
      if (hours === 24) draft.updateMonitor(Number(id), (m) => ({ ...m, uptime24: ratio }));
      return draft.updateStats(Number(id), (s) => ({
        ...s,
        uptime: { ...s.uptime, [hours]: ratio },
      }));
    }
    case 'certInfo':
      return draft.updateStats(Number(push[1]), (s) => ({ ...s, certInfo: push[2] }));
    case 'info':
      return draft.set({ info: push[1] });
    case 'notificationList':
      return draft.set({ notifications: push[1] });
    case 'proxyList':
      return draft.set({ proxies: push[1] });
    case 'dockerHostList':
      return draft.set({ dockerHosts: push[1] });
    case 'apiKeyList':
      return draft.set({ apiKeys: push[1] });
    case 'statusPageList':
      return draft.set({ statusPages: push[1] });
    case 'maintenanceList':
      return draft.set({ maintenances: push[1] });
    // Kuma's own burst and list pushes never reach a lean socket (docs/protocol/dashboard.md#what-a-lean-socket-receives);
    // the rest carry nothing the dashboard keeps.
    case 'monitorList':
    case 'heartbeatList':
    case 'importantHeartbeatList':
    case 'setup':
    case 'autoLogin':
    case 'initServerTimezone':
    case 'refresh':
      return;
    default:
      return assertNever(push[0]);
  }
}

function assertNever(value: never): never {
  throw new Error(`unhandled push ${String(value)}`);
}

/** Appends one status digit to a packed bar, keeping the last BAR_BEATS. */
export function appendBeatStatus(beats: string, status: number): string {
  return (beats + String(status)).slice(-BAR_BEATS);
}

/** A summary for a monitor known only by its meta (added since the burst): no beats yet. */
export function summaryFromMeta(meta: MonitorMeta): MonitorSummary {
  return { ...meta, status: null, ping: null, uptime24: null, beats: '' };
}

/**
 * Copy-on-first-write over one batch: the maps are copied at most once, and the state object
 * only when something changed, so an empty or irrelevant batch keeps every reference.
 */
class Draft {
  private state: DashboardState;
  private monitors: Map<number, MonitorSummary> | null = null;
  private stats: Map<number, MonitorLiveStats> | null = null;
  private watched: Map<number, readonly HeartbeatJson[]> | null = null;
  /** Whether names, groups, tags or membership changed, so the list's tree is rebuilt. */
  private treeChanged = false;

  constructor(private readonly original: DashboardState) {
    this.state = original;
  }

  set(patch: Partial<DashboardState>): void {
    this.state = { ...this.state, ...patch };
  }

  replaceMonitors(summaries: readonly MonitorSummary[]): void {
    this.monitors = new Map(summaries.map((s) => [s.id, s]));
    this.treeChanged = true;
    this.set({ monitorsLoaded: true });
  }

  applyMetaDelta(delta: MonitorMetaDelta): void {
    const monitors = this.writableMonitors();
    this.treeChanged = true;
    for (const id of delta.removed) monitors.delete(id);
    for (const meta of delta.upserts) {
      const known = monitors.get(meta.id);
      monitors.set(meta.id, known ? { ...known, ...meta } : summaryFromMeta(meta));
    }
  }

  applyBeat(beat: HeartbeatJson): void {
    const id = beat.monitorID;
    this.updateMonitor(id, (m) => ({
      ...m,
      status: beat.status,
      ping: beat.ping,
      beats: appendBeatStatus(m.beats, beat.status),
    }));
    const watched = (this.watched ?? this.original.watchedBeats).get(id);
    if (watched) this.writableWatched().set(id, [...watched, beat].slice(-WATCHED_BEATS));
  }

  updateMonitor(id: number, change: (m: MonitorSummary) => MonitorSummary): void {
    const current = (this.monitors ?? this.original.monitors).get(id);
    if (current) this.writableMonitors().set(id, change(current));
  }

  updateStats(id: number, change: (s: MonitorLiveStats) => MonitorLiveStats): void {
    const stats = this.writableStats();
    stats.set(id, change(stats.get(id) ?? { uptime: {} }));
  }

  finish(): DashboardState {
    const patch: Partial<DashboardState> = {};
    if (this.monitors) patch.monitors = this.monitors;
    if (this.monitors && this.treeChanged) patch.monitorTree = buildMonitorTree(this.monitors);
    if (this.stats) patch.stats = this.stats;
    if (this.watched) patch.watchedBeats = this.watched;
    return Object.keys(patch).length === 0 ? this.state : { ...this.state, ...patch };
  }

  private writableMonitors(): Map<number, MonitorSummary> {
    this.monitors ??= new Map(this.original.monitors);
    return this.monitors;
  }

  private writableStats(): Map<number, MonitorLiveStats> {
    this.stats ??= new Map(this.original.stats);
    return this.stats;
  }

  private writableWatched(): Map<number, readonly HeartbeatJson[]> {
    this.watched ??= new Map(this.original.watchedBeats);
    return this.watched;
  }
}
