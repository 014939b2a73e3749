import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { listenError } from '../runtime/listen-error.js';
import {
  checkReadiness,
  HEALTH_PATHS,
  type HealthProbe,
  type Readiness,
} from '../runtime/readiness.js';
import type { OperatorMetricsListen } from './operator-metrics-env.js';
import type { OperatorRegistry } from './operator-registry.js';

export const OPERATOR_METRICS_PATH = '/metrics';

export interface OperatorMetricsServer {
  /** The port actually bound (differs from the configured one when that was 0); null when off. */
  port: number | null;
  /** Where to scrape; null when off. */
  url: string | null;
  close(): Promise<void>;
}

export interface ServeOperatorMetricsOptions {
  /** Where to listen; null switches the endpoint off (and close() does nothing). */
  listen: OperatorMetricsListen | null;
  /** Says where the endpoint listens, and why a scrape got a 500. */
  logger: Pick<Logger, 'info' | 'warn'>;
  /**
   * The role's readiness probes, answered on the health paths (`/healthz/live`,
   * `/healthz/ready`), so an orchestrator can tell a stuck worker or scheduler from a busy
   * one. Without probes, readiness is liveness.
   */
  probes?: Record<string, HealthProbe>;
}

/**
 * Serves one registry as Prometheus text, and the role's health, on its own port, apart from the tenant-facing API:
 * what it shows (queue depth, check rates across every tenant) is the operator's alone, so
 * it is kept off the port tenants reach rather than guarded by a credential. Plain
 * `node:http`, because the whole surface is one route.
 */
export async function serveOperatorMetrics(
  registry: OperatorRegistry,
  options: ServeOperatorMetricsOptions,
): Promise<OperatorMetricsServer> {
  const { listen, logger } = options;
  if (listen === null) return { port: null, url: null, close: async () => {} };

  const server = createServer((request, response) => {
    void answer(registry, options.probes ?? {}, request, response).catch((error: unknown) => {
      logger.warn({ err: error }, 'operator metrics scrape failed');
    });
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(listen.port, listen.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    throw listenError(error, listen.port, 'OPERATOR_METRICS_PORT');
  }
  // Past listening, a server error (say, out of file descriptors on accept) must not crash
  // the role it reports on.
  server.on('error', (error) => logger.warn({ err: error }, 'operator metrics server error'));
  const { port } = server.address() as AddressInfo;
  // An IPv6 literal needs brackets in a URL.
  const host = listen.host.includes(':') ? `[${listen.host}]` : listen.host;
  const url = `http://${host}:${port}${OPERATOR_METRICS_PATH}`;
  logger.info(`operator metrics on ${url}`);
  return {
    port,
    url,
    close() {
      return new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Prometheus keeps its connection alive between scrapes; shutdown must not wait for it.
        server.closeAllConnections();
      });
    },
  };
}

async function answer(
  registry: OperatorRegistry,
  probes: Record<string, HealthProbe>,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const path = (request.url ?? '').split('?', 1)[0] ?? '';
  const health = healthAnswer(path, probes);
  if (health) {
    const readiness = await health;
    response
      .writeHead(readiness.ok ? 200 : 503, {
        'content-type': 'application/json; charset=utf-8',
        'cache-control': 'no-store',
      })
      .end(JSON.stringify(readiness));
    return;
  }
  if (path !== OPERATOR_METRICS_PATH) {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not Found\n');
    return;
  }
  if (request.method !== 'GET') {
    response
      .writeHead(405, { allow: 'GET', 'content-type': 'text/plain; charset=utf-8' })
      .end('Method Not Allowed\n');
    return;
  }
  try {
    const body = await registry.metrics();
    response
      .writeHead(200, { 'content-type': registry.contentType, 'cache-control': 'no-store' })
      .end(body);
  } catch (error) {
    response
      .writeHead(500, { 'content-type': 'text/plain; charset=utf-8' })
      .end('Could not collect metrics\n');
    throw error;
  }
}

function healthAnswer(
  path: string,
  probes: Record<string, HealthProbe>,
): Promise<Readiness> | null {
  switch (path) {
    case HEALTH_PATHS.live:
      return Promise.resolve({ ok: true });
    case HEALTH_PATHS.ready:
    case HEALTH_PATHS.compatible:
      return checkReadiness(probes);
    default:
      return null;
  }
}
