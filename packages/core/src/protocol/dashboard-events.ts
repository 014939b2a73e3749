/**
 * The dashboard's lean burst, a Watchpost extension (docs/protocol/dashboard.md). A socket
 * that asks for it in its handshake query gets compact per-monitor summaries at login instead of
 * Kuma's `monitorList` + `heartbeatList` + `importantHeartbeatList` + statistics, and
 * `monitorMetaDelta` instead of every later `monitorList`. Kuma clients never see these.
 */

/** The handshake query that opts a socket in (docs/protocol/dashboard.md#opting-in). */
export interface LeanBurstQuery {
  burst: 'lean';
}

/** One tag on a monitor, inline (docs/protocol/dashboard.md#monitor-summaries). */
export interface MonitorTagSummary {
  tagId: number;
  name: string;
  color: string;
  value: string;
}

/** What the list shows about a monitor that only changes when the monitor is edited. */
export interface MonitorMeta {
  id: number;
  name: string;
  type: string;
  active: boolean;
  /** The parent group's id, null at the top level. */
  parent: number | null;
  /** In an open maintenance window (its own or a group's above it). */
  maintenance: boolean;
  /** The URL or host name the monitor checks, for search; null for types without one. */
  target: string | null;
  tags: MonitorTagSummary[];
}

/** docs/protocol/dashboard.md#monitor-summaries: the meta plus what the checks change. */
export interface MonitorSummary extends MonitorMeta {
  /** The latest beat's status (0 down, 1 up, 2 pending, 3 maintenance), null before any beat. */
  status: number | null;
  /** The latest beat's response time in ms. */
  ping: number | null;
  /** Uptime over 24 hours, 0..1, null before any beat. */
  uptime24: number | null;
  /** The last beats' statuses, oldest first, one digit each: `"1110"`. */
  beats: string;
}

/** docs/protocol/dashboard.md#monitormetadelta: what changed since the last list push. */
export interface MonitorMetaDelta {
  upserts: MonitorMeta[];
  removed: number[];
}
