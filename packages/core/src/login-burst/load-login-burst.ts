import * as maintenanceRepository from '../maintenance/maintenance-repository.js';
import * as heartbeatRepository from '../heartbeats/heartbeat-repository.js';
import { toHeartbeatRowJson, toImportantHeartbeatJson } from '../heartbeats/heartbeat-wire.js';
import { buildMonitorList } from '../monitors/build-monitor-list.js';
import * as monitorRepository from '../monitors/monitor-repository.js';
import { MAINTENANCE, UP } from '../monitors/monitor-status.js';
import * as notificationRepository from '../notifications/notification-repository.js';
import type { MonitorListPayload, ServerEvent, ServerInfo } from '../protocol/server-events.js';
import { monitorStatEvents } from '../realtime/monitor-stat-events.js';
import { loadTenantInfo } from '../server-info/load-tenant-info.js';
import { INIT_SERVER_TIMEZONE_SETTING } from '../server-info/server-info.js';
import type { ServiceContext } from '../services/service-context.js';
import * as settingsRepository from '../settings/settings-repository.js';
import * as statsRepository from '../stats/stats-repository.js';
import * as tagRepository from '../tags/tag-repository.js';

// docs/protocol/authentication.md#post-login-burst: what the burst replays per monitor.
const RECENT_BEATS = 100;
const IMPORTANT_BEATS = 500;

/** What the burst sends about one monitor. */
export interface MonitorBurst {
  /** The id as a string: upstream takes it from object keys (docs/protocol/authentication.md#post-login-burst). */
  id: string;
  /** `heartbeatList`: the latest beats, oldest first. */
  beats: ReturnType<typeof toHeartbeatRowJson>[];
  /** `importantHeartbeatList`: the latest important beats, newest first (docs/protocol/authentication.md#post-login-burst step 10). */
  importantBeats: ReturnType<typeof toImportantHeartbeatJson>[];
  /** `avgPing`, `uptime` ×2 and `certInfo`. */
  statEvents: ServerEvent[];
}

/** Everything the post-login burst (docs/protocol/authentication.md#post-login-burst) says about the monitors, the tenant and its zone. */
export interface LoginBurst {
  monitorList: MonitorListPayload;
  info: ServerInfo;
  /** Ascending id order. */
  monitors: MonitorBurst[];
  /** False until the web UI sent the browser's zone (step 12, `initServerTimezone`). */
  timezoneInitialised: boolean;
}

/**
 * Reads the burst up front with one query per kind for all monitors (not one per monitor),
 * so it costs a handful of round trips however many monitors the tenant has. The feature
 * lists it also carries (notifications, proxies, …) come from their own services.
 */
export async function loadLoginBurst(ctx: ServiceContext): Promise<LoginBurst> {
  const { db, tenantId } = ctx;
  const monitors = await monitorRepository.listMonitors(db, tenantId);
  const ids = monitors.map((m) => m.id);
  const [states, links, tags, maintained, recent, important, day, month, info, zoneChosen] =
    await Promise.all([
      monitorRepository.listMonitorStates(db, tenantId),
      notificationRepository.notificationIdsOf(db, tenantId, ids),
      tagRepository.monitorTagsOf(db, tenantId),
      maintenanceRepository.findDirectlyMaintainedMonitors(db, tenantId, Date.now()),
      heartbeatRepository.listLatestBeats(db, tenantId, ids, RECENT_BEATS),
      heartbeatRepository.listLatestBeats(db, tenantId, ids, IMPORTANT_BEATS, true),
      statsRepository.getWindowStats(db, tenantId, ids, 24),
      statsRepository.getWindowStats(db, tenantId, ids, 720),
      loadTenantInfo(db, tenantId),
      settingsRepository.getSetting(db, tenantId, INIT_SERVER_TIMEZONE_SETTING),
    ]);

  return {
    monitorList: buildMonitorList(monitors, links, tags, maintained),
    info,
    monitors: ids.map((id) => {
      const state = states.get(id);
      const currentlyUp = state?.status === UP || state?.status === MAINTENANCE;
      return {
        id: String(id),
        beats: (recent.get(id) ?? []).map(toHeartbeatRowJson),
        // listLatestBeats answers oldest first; this list is newest first.
        importantBeats: [...(important.get(id) ?? [])].reverse().map(toImportantHeartbeatJson),
        statEvents: monitorStatEvents(
          String(id),
          { day: day.get(id), month: month.get(id) },
          currentlyUp,
          state?.tlsInfo ?? null,
        ),
      };
    }),
    timezoneInitialised: Boolean(zoneChosen),
  };
}
