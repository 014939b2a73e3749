import * as heartbeatRepository from '../heartbeats/heartbeat-repository.js';
import * as maintenanceRepository from '../maintenance/maintenance-repository.js';
import * as monitorRepository from '../monitors/monitor-repository.js';
import { MAINTENANCE, UP } from '../monitors/monitor-status.js';
import type { MonitorSummary } from '../protocol/dashboard-events.js';
import type { ServerInfo } from '../protocol/server-events.js';
import { loadTenantInfo } from '../server-info/load-tenant-info.js';
import { INIT_SERVER_TIMEZONE_SETTING } from '../server-info/server-info.js';
import type { ServiceContext } from '../services/service-context.js';
import * as settingsRepository from '../settings/settings-repository.js';
import { readWindowCounters } from '../stats/window-counters.js';
import { uptimeRatio } from '../stats/window-stats.js';
import * as tagRepository from '../tags/tag-repository.js';
import { monitorMetasOf } from './monitor-meta.js';
import { readInParallelPages } from './read-in-parallel-pages.js';

/** How many beats a summary's bar carries (docs/protocol/dashboard.md#monitor-summaries). */
export const SUMMARY_BEATS = 40;

/** What the lean burst says about the monitors, the tenant and its zone. */
export interface DashboardBurst {
  /** Ascending id order. */
  summaries: MonitorSummary[];
  info: ServerInfo;
  /** False until the web UI sent the browser's zone (`initServerTimezone`). */
  timezoneInitialised: boolean;
}

/**
 * The lean burst's summaries (docs/protocol/dashboard.md#monitorsummarylist): one query per
 * kind for all monitors, like the Kuma burst, but 40 beat statuses per monitor, packed by the
 * database, instead of 100 full beats and 500 important ones, and no per-monitor statistics
 * pushes.
 */
export async function loadDashboardBurst(ctx: ServiceContext): Promise<DashboardBurst> {
  const { db, tenantId } = ctx;
  const monitors = await monitorRepository.listMonitorListFields(db, tenantId);
  const ids = monitors.map((m) => m.id);
  const [states, tags, maintained, recent, day, info, zoneChosen] = await Promise.all([
    monitorRepository.listMonitorStates(db, tenantId),
    tagRepository.monitorTagsOf(db, tenantId),
    maintenanceRepository.findDirectlyMaintainedMonitors(db, tenantId, Date.now()),
    readInParallelPages(ids, (page) =>
      heartbeatRepository.listLatestStatusStrips(db, tenantId, page, SUMMARY_BEATS),
    ),
    readWindowCounters(
      db,
      ids.map((monitorId) => ({ monitorId, tenantId })),
    ),
    loadTenantInfo(db, tenantId),
    settingsRepository.getSetting(db, tenantId, INIT_SERVER_TIMEZONE_SETTING),
  ]);
  const summaries = monitorMetasOf(monitors, tags, maintained).map((meta): MonitorSummary => {
    const { id } = meta;
    const state = states.get(id);
    const status = state?.status ?? null;
    const currentlyUp = status === UP || status === MAINTENANCE;
    // A literal, not `{...meta, status, …}`: see monitorMetasOf.
    return {
      id,
      name: meta.name,
      type: meta.type,
      active: meta.active,
      parent: meta.parent,
      maintenance: meta.maintenance,
      target: meta.target,
      tags: meta.tags,
      status,
      ping: state?.lastPing ?? null,
      uptime24: status === null ? null : uptimeRatio(day.get(id)?.day, currentlyUp),
      beats: recent.get(id) ?? '',
    };
  });
  return { summaries, info, timezoneInitialised: Boolean(zoneChosen) };
}
