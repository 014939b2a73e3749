import { connect, createServer, type Server } from 'node:net';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { Gauge } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { StartupError } from '../errors/startup-error.js';
import { createOperatorRegistry, type OperatorRegistry } from './operator-registry.js';
import { serveOperatorMetrics, type OperatorMetricsServer } from './operator-metrics-server.js';
import { registerWorkerMetrics } from './worker-metrics.js';

const running: OperatorMetricsServer[] = [];
const blockers: Server[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
  await Promise.all(
    blockers.splice(0).map((b) => new Promise<void>((resolve) => b.close(() => resolve()))),
  );
});

function recordingLogger() {
  const lines: Record<string, unknown>[] = [];
  const logger = pino(
    { level: 'info' },
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
        done();
      },
    }),
  );
  return { logger, lines };
}

async function serve(
  registry: OperatorRegistry,
  logger = recordingLogger().logger,
  probes?: Record<string, () => Promise<unknown>>,
) {
  const server = await serveOperatorMetrics(registry, {
    listen: { port: 0, host: '127.0.0.1' },
    logger,
    probes,
  });
  running.push(server);
  return server;
}

function registryWithSamples(): OperatorRegistry {
  const registry = createOperatorRegistry();
  const metrics = registerWorkerMetrics(registry);
  metrics.checkDuration.observe({ type: 'http', status: 'up' }, 0.2);
  metrics.checks.inc({ type: 'http', outcome: 'up' });
  return registry;
}

describe('serveOperatorMetrics', () => {
  it('answers GET /metrics with the registry as Prometheus text', async () => {
    const { logger, lines } = recordingLogger();
    const server = await serve(registryWithSamples(), logger);
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/metrics`);
    expect(lines.map((l) => l.msg)).toContain(`operator metrics on ${server.url}`);

    const response = await fetch(`${server.url}?ignored=1`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const text = await response.text();
    expect(text).toContain('# TYPE watchpost_check_duration_seconds histogram');
    expect(text).toContain('watchpost_checks_total{type="http",outcome="up"} 1');
    expect(text).toContain('# TYPE process_cpu_seconds_total counter');
  });

  it('tells live from ready on the health paths, naming the dependencies that fail', async () => {
    let redisUp = true;
    const server = await serve(registryWithSamples(), undefined, {
      database: async () => {},
      redis: async () => {
        if (!redisUp) throw new Error('connection refused');
      },
    });
    const base = `http://127.0.0.1:${server.port}`;
    const answer = async (path: string) => {
      const response = await fetch(`${base}${path}`);
      return { status: response.status, body: (await response.json()) as unknown };
    };
    expect(await answer('/healthz/ready')).toEqual({ status: 200, body: { ok: true } });
    redisUp = false;
    expect(await answer('/healthz/live')).toEqual({ status: 200, body: { ok: true } });
    for (const path of ['/healthz/ready', '/healthz']) {
      expect(await answer(path)).toEqual({ status: 503, body: { ok: false, failed: ['redis'] } });
    }
  });

  it('answers 404 for any other path and 405 for any other method', async () => {
    const server = await serve(registryWithSamples());
    const base = `http://127.0.0.1:${server.port}`;
    for (const path of ['/', '/metrics/', '/healthz/other', '/api/badge/1/status']) {
      const response = await fetch(`${base}${path}`);
      expect(response.status, path).toBe(404);
      expect(await response.text()).not.toContain('watchpost_');
    }
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const response = await fetch(`${base}/metrics`, { method });
      expect(response.status, method).toBe(405);
      expect(response.headers.get('allow')).toBe('GET');
    }
  });

  it('answers 500 and logs why when collecting fails, and keeps serving', async () => {
    const registry = createOperatorRegistry({ processMetrics: false });
    let fail = true;
    new Gauge({
      name: 'watchpost_test_flaky',
      help: 'Fails while `fail` is set.',
      registers: [registry],
      collect() {
        if (fail) throw new Error('collector broke');
        this.set(1);
      },
    });
    const { logger, lines } = recordingLogger();
    const server = await serve(registry, logger);

    const failed = await fetch(server.url ?? '');
    expect(failed.status).toBe(500);
    expect(await failed.text()).not.toContain('collector broke');
    expect(lines.find((l) => l.msg === 'operator metrics scrape failed')).toMatchObject({
      err: { message: 'collector broke' },
    });

    fail = false;
    const recovered = await fetch(server.url ?? '');
    expect(recovered.status).toBe(200);
    expect(await recovered.text()).toContain('watchpost_test_flaky 1');
  });

  it('turns a port in use into one StartupError line naming OPERATOR_METRICS_PORT', async () => {
    const blocker = createServer();
    blockers.push(blocker);
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as { port: number };

    const attempt = serveOperatorMetrics(createOperatorRegistry({ processMetrics: false }), {
      listen: { port, host: '127.0.0.1' },
      logger: recordingLogger().logger,
    });
    await expect(attempt).rejects.toBeInstanceOf(StartupError);
    await expect(attempt).rejects.toThrow(
      `Port ${port} is already in use; stop what uses it or set OPERATOR_METRICS_PORT.`,
    );
  });

  it('listens nowhere when switched off', async () => {
    const { logger, lines } = recordingLogger();
    const server = await serveOperatorMetrics(createOperatorRegistry({ processMetrics: false }), {
      listen: null,
      logger,
    });
    expect(server).toMatchObject({ port: null, url: null });
    await server.close();
    expect(lines).toEqual([]);
  });

  it('closes without waiting for a scraper that is still sending', async () => {
    const server = await serveOperatorMetrics(createOperatorRegistry({ processMetrics: false }), {
      listen: { port: 0, host: '127.0.0.1' },
      logger: recordingLogger().logger,
    });
    // Half a request: without dropping open connections, close() would wait for the
    // server's 60 s header timeout.
    const scraper = connect(server.port ?? 0, '127.0.0.1');
    // The server resets the connection; that is the point, not a failure.
    scraper.on('error', () => {});
    await new Promise<void>((resolve) => scraper.once('connect', resolve));
    scraper.write('GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    const dropped = new Promise<void>((resolve) => scraper.once('close', () => resolve()));

    await server.close();
    await dropped;
    await expect(fetch(server.url ?? '')).rejects.toThrow();
  });
});
