import type { AddressInfo } from 'node:net';
import { createAdapter } from '@socket.io/redis-adapter';
import Fastify, { LogController, type FastifyBaseLogger } from 'fastify';
import type { Redis } from 'ioredis';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { Server } from 'socket.io';
import { loadOrCreateJwtSecret, type Database } from '@watchpost/core/db';
import type { MonitorChangeBus } from '@watchpost/core/queue';
import { socketIoRedisKey } from '@watchpost/core/realtime';
import type { ApiConfig } from './config.js';
import { HEALTHZ_PATH, registerHealthzRoute } from './http/routes/healthz.js';
import { registerSecurityHeaders } from './http/security-headers.js';
import { registerSocketHandlers } from './realtime/register-socket-handlers.js';
import type { ApiServer } from './realtime/socket-types.js';

export interface ApiDeps {
  db: Kysely<Database>;
  /**
   * The Socket.IO Redis adapter's two connections (`sub` enters subscriber mode). `pub` also
   * answers the health probe. Owned by the caller: `close()` leaves them open.
   */
  redis: { pub: Redis; sub: Redis };
  changeBus: MonitorChangeBus;
  logger: Logger;
  config: Pick<ApiConfig, 'port' | 'host' | 'redisPrefix' | 'minIntervalSeconds'>;
}

export interface RunningApi {
  /** The port actually bound (differs from the configured one when that was 0). */
  port: number;
  /** Stops intake: disconnects sockets and closes the HTTP server. */
  close(): Promise<void>;
}

// Spec §1.1: Socket.IO's 1 MB default is too small for backup uploads and logo data-URLs.
const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

/** Starts one API node: HTTP routes and the Kuma Socket.IO API on one port. */
export async function startApi(deps: ApiDeps): Promise<RunningApi> {
  const { db, logger, config } = deps;
  // Read once: every node shares the secret through Postgres (spec §2.3).
  const jwtSecret = await loadOrCreateJwtSecret(db);

  // Typed as Fastify's own logger interface so routes can be registered on a plain
  // FastifyInstance instead of one parameterised by pino's type.
  const httpLogger: FastifyBaseLogger = logger;
  const app = Fastify({
    loggerInstance: httpLogger,
    // Health probes arrive every few seconds from every load balancer; logging them buries
    // the requests worth reading.
    logController: new LogController({
      disableRequestLogging: (request) => request.url === HEALTHZ_PATH,
    }),
  });
  registerSecurityHeaders(app);
  registerHealthzRoute(app, { db, redis: deps.redis.pub });

  const io: ApiServer = new Server(app.server, {
    maxHttpBufferSize: MAX_MESSAGE_BYTES,
    serveClient: false,
    // Rooms span every API node and the workers' emitters (spec §1.4).
    adapter: createAdapter(deps.redis.pub, deps.redis.sub, {
      key: socketIoRedisKey(config.redisPrefix),
    }),
  });
  registerSocketHandlers({
    db,
    io,
    changeBus: deps.changeBus,
    logger,
    jwtSecret,
    minIntervalSeconds: config.minIntervalSeconds,
  });

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await io.close();
    throw error;
  }
  const { port } = app.server.address() as AddressInfo;
  return {
    port,
    async close() {
      // Socket.IO first: it ends long-polling requests and WebSockets, which would otherwise
      // keep the HTTP server from closing.
      await io.close();
      await app.close();
    },
  };
}
