import type { Step } from './conformance-step.js';
import { apiKeySteps } from './steps/api-key-steps.js';
import { authSteps } from './steps/auth-steps.js';
import { dockerHostSteps } from './steps/docker-host-steps.js';
import { maintenanceSteps } from './steps/maintenance-steps.js';
import { monitorSteps } from './steps/monitor-steps.js';
import { notificationSteps } from './steps/notification-steps.js';
import { proxySteps } from './steps/proxy-steps.js';
import { settingsSteps } from './steps/settings-steps.js';
import { statusPageSteps } from './steps/status-page-steps.js';
import { tagSteps } from './steps/tag-steps.js';

/** Every step table of the walk, in spec order; the coverage test reads their events. */
export const WALKED_SECTIONS: readonly (() => Step[])[] = [
  authSteps,
  monitorSteps,
  tagSteps,
  notificationSteps,
  proxySteps,
  dockerHostSteps,
  statusPageSteps,
  maintenanceSteps,
  apiKeySteps,
  settingsSteps,
];

/** Events Watchpost answers that Kuma 1.23 does not; walked all the same. */
export const WATCHPOST_EXTRAS: ReadonlySet<string> = new Set([
  'getNotificationDeliveries',
  'getMonitorChartData',
  'getMonitorStats',
  'monitorImportantHeartbeatListCount',
  'monitorImportantHeartbeatListPaged',
]);
