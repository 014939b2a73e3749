import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locateWebDist } from './locate-web-dist.js';
import { WEB_APP_ROUTES, registerWebAppRoutes } from './web-app-routes.js';

const INDEX =
  '<!doctype html><title>dashboard</title><script src="/assets/app-1a2b3c.js"></script>';
const SCRIPT = 'console.log("dashboard");'.repeat(50);

let distDir: string;
let app: FastifyInstance;

beforeAll(() => {
  distDir = mkdtempSync(join(tmpdir(), 'watchpost-web-'));
  mkdirSync(join(distDir, 'assets'));
  writeFileSync(join(distDir, 'index.html'), INDEX);
  writeFileSync(join(distDir, 'assets', 'app-1a2b3c.js'), SCRIPT);
  app = Fastify();
  registerWebAppRoutes(app, { distDir });
});
afterAll(async () => {
  await app?.close();
  rmSync(distDir, { recursive: true, force: true });
});

/** A concrete URL for each route pattern (`/edit/*` → `/edit/17`). */
const appUrls = WEB_APP_ROUTES.map((route) => route.replace('*', '17'));

describe('the dashboard served by an API node', () => {
  it.each(appUrls)('answers index.html, never cached, for the app route %s', async (url) => {
    const response = await app.inject({ method: 'GET', url });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.body).toBe(INDEX);
  });

  it('serves hashed assets cached for a year, compressed when the browser accepts it', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/assets/app-1a2b3c.js',
      headers: { 'accept-encoding': 'gzip, deflate' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(response.rawPayload).toString()).toBe(SCRIPT);
  });

  it('prefers brotli when the browser accepts it', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/assets/app-1a2b3c.js',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(response.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(response.rawPayload).toString()).toBe(SCRIPT);
  });

  it('answers 304 to a revalidation of an unchanged index.html', async () => {
    const first = await app.inject({ method: 'GET', url: '/dashboard' });
    const again = await app.inject({
      method: 'GET',
      url: '/dashboard/3',
      headers: { 'if-none-match': String(first.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('answers 404 for an asset that does not exist instead of index.html', async () => {
    const response = await app.inject({ method: 'GET', url: '/assets/gone-000000.js' });
    expect(response.statusCode).toBe(404);
  });

  it.each([
    '/status/main',
    '/api/status-page/main',
    '/api/badge/1/status',
    '/api/push/abc',
    '/metrics',
    '/socket.io/',
    '/healthz',
    '/no-such-page',
  ])('leaves %s to its own route', async (url) => {
    const response = await app.inject({ method: 'GET', url });
    expect(response.statusCode).toBe(404);
    expect(response.body).not.toContain('dashboard');
  });
});

describe('a server whose dashboard was not built', () => {
  it('answers the app routes with a page that says how to build it', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'watchpost-web-empty-'));
    const bare = Fastify();
    registerWebAppRoutes(bare, { distDir: empty });
    try {
      const response = await bare.inject({ method: 'GET', url: '/dashboard/4' });
      expect(response.statusCode).toBe(503);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.body).toContain('npm run build');
      expect((await bare.inject({ method: 'GET', url: '/status/main' })).statusCode).toBe(404);
    } finally {
      await bare.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('locateWebDist', () => {
  it('finds dist/ of the installed @watchpost/web package', () => {
    expect(locateWebDist()).toMatch(/apps[\\/]web[\\/]dist$/);
  });
});
