import { heartbeatRoutes } from './heartbeat-routes.js';
import { monitorRoutes } from './monitor-routes.js';
import type { RestRoute } from './rest-route.js';

/** Every operation of `/api/v1`, one list per resource (docs/api.md). */
export const REST_ROUTES: readonly RestRoute[] = [...monitorRoutes, ...heartbeatRoutes];
