import { apiKeyRoutes } from './api-key-routes.js';
import { heartbeatRoutes } from './heartbeat-routes.js';
import { maintenanceRoutes } from './maintenance-routes.js';
import { monitorRoutes } from './monitor-routes.js';
import { notificationRoutes } from './notification-routes.js';
import type { RestRoute } from './rest-route.js';
import { statusPageRoutes } from './status-page-routes.js';
import { tagRoutes } from './tag-routes.js';

/** What routes need from the API node beyond the services' ports. */
export interface RestRoutePorts {
  /** Ends the socket sessions an API key opened, on every node. */
  endApiKeySessions(tenantId: number, keyId: number): Promise<void>;
}

/** Every operation of `/api/v1`, one list per resource (docs/api.md). */
export function restRoutes(ports: RestRoutePorts): readonly RestRoute[] {
  return [
    ...monitorRoutes,
    ...heartbeatRoutes,
    ...tagRoutes,
    ...notificationRoutes,
    ...statusPageRoutes,
    ...maintenanceRoutes,
    ...apiKeyRoutes(ports.endApiKeySessions),
  ];
}
