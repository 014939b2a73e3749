import type { AddressInfo } from 'node:net';
import Fastify, { LogController, type FastifyBaseLogger } from 'fastify';
import { sql, type Kysely } from 'kysely';
import type { Logger } from 'pino';
import { Server, type ServerOptions } from 'socket.io';
import { settingsRepository, type Database } from '@watchpost/core/db';
import type { ChangeBus } from '@watchpost/core/changes';
import { ALLOW_PRIVATE, type EgressPolicy } from '@watchpost/core/egress';
import { createBackgroundTasks, listenError } from '@watchpost/core/runtime';
import { VERIFY_DOMAINS_AT_ONCE, type DomainVerification } from '@watchpost/core/services';
import {
  createLocalTenantWatch,
  type TenantEvents,
  type WatchedRooms,
  type WatchingNode,
} from '@watchpost/core/realtime';
import type { ApiConfig } from './config.js';
import { registerBadgeRoutes } from './http/badges/badge-routes.js';
import { registerMetricsRoute } from './http/metrics/metrics-route.js';
import { registerPushRoute } from './http/push/push-route.js';
import { registerStatusPageRoutes } from './http/status-pages/status-page-routes.js';
import { createPublicResponseCache } from './http/public-cache/public-response-cache.js';
import { followPublicChanges } from './http/public-cache/follow-public-changes.js';
import { withLocalEcho } from './local-echo-change-bus.js';
import { registerEntryPageRoutes } from './http/routes/entry-page.js';
import { registerRobotsRoute } from './http/routes/robots.js';
import { registerChangePasswordRoute } from './http/routes/change-password.js';
import { isHealthPath, registerHealthzRoute, type HealthProbe } from './http/routes/healthz.js';
import { serializeRequest } from './http/request-log-serializer.js';
import { registerSecurityHeaders } from './http/security-headers.js';
import { registerAppErrorReplies } from './http/app-error-replies.js';
import { registerRestApi } from './http/rest/register-rest-api.js';
import { restRoutes } from './http/rest/rest-routes.js';
import { endApiKeySessions } from './realtime/session.js';
import { locateWebDist } from './http/web-app/locate-web-dist.js';
import { registerWebAppRoutes } from './http/web-app/web-app-routes.js';
import { DeflateThresholdServer } from './realtime/deflate-threshold.js';
import { registerSocketHandlers } from './realtime/register-socket-handlers.js';
import { createSocketTenantEvents } from './realtime/socket-tenant-events.js';
import type { ApiServer } from './realtime/socket-types.js';

export interface ApiDeps {
  db: Kysely<Database>;
  /**
   * The Socket.IO adapter that spans API nodes (distributed mode: the Redis adapter, whose
   * connections stay the caller's). Omitted: Socket.IO's in-memory adapter, for one node.
   */
  socketAdapter?: ServerOptions['adapter'];
  /**
   * Who listens to which tenant across nodes, given this node's rooms (the kit's
   * `watchTenants`). Omitted: this node's own sockets, which is the whole truth on one node.
   */
  watchTenants?: (rooms: WatchedRooms) => WatchingNode;
  /** Readiness probes besides `database` (which a probe given here by that name replaces). */
  probes?: Record<string, HealthProbe>;
  changeBus: ChangeBus;
  logger: Logger;
  config: Pick<ApiConfig, 'port' | 'host' | 'minIntervalSeconds' | 'instance' | 'trustProxy'> &
    Partial<Pick<ApiConfig, 'tenantLimits' | 'restRateLimit'>>;
  /** The built dashboard's directory; found through the `@watchpost/web` package when omitted. */
  webDistDir?: string | null;
  /**
   * What notification tests and Docker probes run from this node may reach (architecture
   * rule 10). Unset allows every address; main.ts always passes the configured policy.
   */
  egress?: EgressPolicy;
  /** How custom domains come to route; unset: at once, as in Kuma and embedded mode. */
  domainVerification?: DomainVerification;
}

export interface RunningApi {
  /** The port actually bound (differs from the configured one when that was 0). */
  port: number;
  /** Every HTTP route this node serves, as registered (the adversarial suite walks them). */
  routes: readonly { method: string; url: string }[];
  /** Emits to a tenant's room through this node's Socket.IO server (and its adapter). */
  events: TenantEvents;
  /**
   * Stops intake (disconnects sockets, closes the HTTP server), then waits a few seconds at
   * most for the pushes its requests started, so that the caller may close its connections.
   */
  close(): Promise<void>;
}

// docs/protocol/transport.md#versions-path-and-transports: Socket.IO's 1 MB default is too small for backup uploads and logo data-URLs.
const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;
/**
 * docs/protocol/transport.md#compression: every WebSocket offered permessage-deflate, for
 * messages of 1 KB or more (single beats and acks are not worth it). Level 1: on the
 * monitor list's repetitive JSON it shrinks as much as the default level within a few per
 * cent, at a quarter of the CPU, and deflating runs in libuv's thread pool. ws honours the
 * threshold only through DeflateThresholdServer.
 */
const PER_MESSAGE_DEFLATE = { threshold: 1024, zlibDeflateOptions: { level: 1 } };
/**
 * How long closing waits for statistics pushes still running after their replies: one
 * statement each, so seconds are plenty, and a database that hangs cannot hold the stop up.
 */
const BACKGROUND_DRAIN_MS = 5_000;
// What API_RATE_LIMIT_PER_MINUTE defaults to, for callers that pass no parsed config.
const DEFAULT_REST_RATE_LIMIT = { limit: 600, windowMs: 60_000 };

/** Starts one API node: HTTP routes and the Kuma Socket.IO API on one port. */
export async function startApi(deps: ApiDeps): Promise<RunningApi> {
  const { db, logger, config } = deps;
  // Read once: every node shares the secret through Postgres (docs/protocol/authentication.md#login-tokens).
  const jwtSecret = await settingsRepository.loadOrCreateJwtSecret(db);

  // Typed as Fastify's own logger interface so routes can be registered on a plain
  // FastifyInstance instead of one parameterised by pino's type.
  const httpLogger: FastifyBaseLogger = logger.child(
    {},
    { serializers: { req: serializeRequest } },
  );
  const app = Fastify({
    loggerInstance: httpLogger,
    logController: new LogController({ disableRequestLogging: isHighVolumeRequest }),
  });
  const routes: { method: string; url: string }[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url });
  });
  registerSecurityHeaders(app);
  registerAppErrorReplies(app);
  registerHealthzRoute(app, {
    probes: { database: () => sql`select 1`.execute(db), ...deps.probes },
  });
  registerMetricsRoute(app, { db });
  // Every user of the bus on this node goes through the echo (see withLocalEcho).
  const changeBus = withLocalEcho(deps.changeBus);
  registerBadgeRoutes(app, { db, changeBus });
  const publicCache = createPublicResponseCache();
  followPublicChanges(changeBus, publicCache, app.log);
  registerStatusPageRoutes(app, { db, cache: publicCache });
  registerEntryPageRoutes(app, { db, cache: publicCache });
  registerRobotsRoute(app, { db });
  registerChangePasswordRoute(app);
  registerWebAppRoutes(app, { distDir: deps.webDistDir ?? locateWebDist() });

  const io: ApiServer = new Server(app.server, {
    maxHttpBufferSize: MAX_MESSAGE_BYTES,
    serveClient: false,
    perMessageDeflate: PER_MESSAGE_DEFLATE,
    wsEngine: DeflateThresholdServer,
    ...(deps.socketAdapter && { adapter: deps.socketAdapter }),
  });
  const rooms = io.of('/').adapter;
  const watching = deps.watchTenants?.(rooms) ?? {
    watch: createLocalTenantWatch(rooms),
    stop: () => undefined,
  };
  const events = createSocketTenantEvents(io, watching.watch);
  // Sockets and REST reach the services through the same ports (docs/architecture.md#layers).
  const ports = {
    db,
    events,
    changeBus,
    logger,
    minIntervalSeconds: config.minIntervalSeconds,
    tenantLimits: config.tenantLimits,
    egress: deps.egress ?? ALLOW_PRIVATE,
    domainVerification: deps.domainVerification ?? VERIFY_DOMAINS_AT_ONCE,
  };
  registerSocketHandlers({
    ...ports,
    io,
    jwtSecret,
    instance: config.instance,
    trustProxy: config.trustProxy,
  });
  registerRestApi(
    app,
    { ports, jwtSecret, rateLimit: config.restRateLimit ?? DEFAULT_REST_RATE_LIMIT },
    restRoutes({ endApiKeySessions: (tenantId, keyId) => endApiKeySessions(io, tenantId, keyId) }),
  );
  const background = createBackgroundTasks((error) =>
    logger.warn({ err: error }, 'a background task failed'),
  );
  registerPushRoute(app, { db, logger, events, background });

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    watching.stop();
    await io.close();
    throw listenError(error, config.port, 'PORT');
  }
  const { port } = app.server.address() as AddressInfo;
  return {
    port,
    routes,
    events,
    async close() {
      // Socket.IO first: it ends long-polling requests and WebSockets, which would otherwise
      // keep the HTTP server from closing.
      watching.stop();
      await io.close();
      await app.close();
      // Requests are over; what they started still uses the database and Redis, which the
      // caller closes next. Other nodes' sockets still get these pushes through the adapter.
      const unfinished = await background.settle(BACKGROUND_DRAIN_MS);
      if (unfinished > 0) logger.warn({ unfinished }, 'closed with statistics pushes unfinished');
    },
  };
}

/**
 * Requests not logged one by one: health probes from every load balancer, badges embedded in
 * busy pages and Prometheus scrapes would bury the requests worth reading, and two log lines
 * per request cost more than serving a cached badge. Their failures are still logged.
 */
function isHighVolumeRequest(request: { url: string }): boolean {
  return (
    isHealthPath(request.url) || request.url === '/metrics' || request.url.startsWith('/api/badge/')
  );
}
