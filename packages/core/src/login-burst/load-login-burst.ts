import { loadMonitorList } from '../monitors/load-monitor-list.js';
import * as monitorRepository from '../monitors/monitor-repository.js';
import type { MonitorListPayload, ServerInfo } from '../protocol/server-events.js';
import { loadTenantInfo } from '../server-info/load-tenant-info.js';
import { INIT_SERVER_TIMEZONE_SETTING } from '../server-info/server-info.js';
import type { ServiceContext } from '../services/service-context.js';
import * as settingsRepository from '../settings/settings-repository.js';
import { REPLAY_PAGE_MONITORS } from './replay-monitors.js';

/**
 * What the post-login burst (docs/protocol/authentication.md#post-login-burst) says up front:
 * the monitor list, the tenant and its zone. The per-monitor replay that follows (steps 9 to
 * 11) is read page by page as it is sent (see replayMonitors).
 */
export interface LoginBurst {
  monitorList: MonitorListPayload;
  info: ServerInfo;
  /** Every monitor's id, ascending: the order of the replay. */
  monitorIds: number[];
  /** False until the web UI sent the browser's zone (step 12, `initServerTimezone`). */
  timezoneInitialised: boolean;
}

/**
 * Reads the burst's head with one query per kind for all monitors (not one per monitor), so
 * it costs a handful of round trips however many monitors the tenant has. The feature lists
 * it also carries (notifications, proxies, …) come from their own services.
 */
export async function loadLoginBurst(ctx: ServiceContext): Promise<LoginBurst> {
  const { db, tenantId } = ctx;
  const [monitorList, info, zoneChosen] = await Promise.all([
    loadMonitorList(db, tenantId),
    loadTenantInfo(db, tenantId),
    settingsRepository.getSetting(db, tenantId, INIT_SERVER_TIMEZONE_SETTING),
  ]);
  return {
    monitorList,
    info,
    // Integer-like keys enumerate in ascending order.
    monitorIds: Object.keys(monitorList).map(Number),
    timezoneInitialised: Boolean(zoneChosen),
  };
}

/**
 * Whether the tenant's burst is sent after the login's ack: it replays more than one page of
 * monitors (docs/protocol/authentication.md#post-login-burst). One count, so the answer costs
 * nothing like the burst it decides about.
 */
export async function sendsBurstAfterAck(ctx: ServiceContext): Promise<boolean> {
  return (await monitorRepository.countMonitors(ctx.db, ctx.tenantId)) > REPLAY_PAGE_MONITORS;
}
