import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { loadWebFiles, type WebFile } from './load-web-files.js';

/**
 * The dashboard's own routes (Kuma's, see apps/web/src/app/router.tsx): each answers
 * index.html and the browser app routes from there. Everything else (`/status/*`, `/api/*`,
 * `/metrics`, `/socket.io/*`, `/healthz`, badges, push) stays with its own route.
 */
export const WEB_APP_ROUTES = [
  '/setup',
  '/login',
  '/dashboard',
  '/dashboard/*',
  '/add',
  '/edit/*',
  '/clone/*',
  '/settings',
  '/settings/*',
  '/manage-status-page',
  '/add-status-page',
  '/edit-status-page/*',
  '/maintenance',
  '/maintenance/*',
  '/add-maintenance',
] as const;

// Hashed names change with their content, so a browser may keep them for good; index.html
// names the current ones and must be revalidated every time.
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

/** Serves the built dashboard from `distDir`, or a page saying how to build it. */
export function registerWebAppRoutes(app: FastifyInstance, deps: { distDir: string | null }): void {
  const files = deps.distDir === null ? null : loadWebFiles(deps.distDir);
  const index = files?.get('/index.html');
  if (!files || !index) {
    for (const path of WEB_APP_ROUTES) app.get(path, (_request, reply) => sendNotBuilt(reply));
    return;
  }
  for (const path of WEB_APP_ROUTES) {
    app.get(path, (request, reply) => sendFile(request, reply, index, REVALIDATE));
  }
  app.get('/assets/*', (request, reply) => {
    const file = files.get(request.url.split('?')[0] ?? '');
    if (!file) return reply.code(404).type('text/plain').send('Not found');
    return sendFile(request, reply, file, IMMUTABLE);
  });
}

function sendFile(
  request: FastifyRequest,
  reply: FastifyReply,
  file: WebFile,
  cacheControl: string,
): FastifyReply {
  reply
    .header('Cache-Control', cacheControl)
    .header('ETag', file.etag)
    .header('Vary', 'Accept-Encoding');
  if (request.headers['if-none-match'] === file.etag) return reply.code(304).send();
  reply.type(file.contentType);
  const accepted = request.headers['accept-encoding'] ?? '';
  for (const encoding of ['br', 'gzip'] as const) {
    if (new RegExp(`\\b${encoding}\\b`).test(accepted)) {
      return reply.header('Content-Encoding', encoding).send(file.encoded(encoding));
    }
  }
  return reply.send(file.raw);
}

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Watchpost</title></head>
<body>
<h1>The dashboard is not built</h1>
<p>This server has no built dashboard (apps/web/dist is missing). Build it with
<code>npm run build</code> (or <code>npm run build -w apps/web</code>) and restart the server.
The API, badges, status pages and /metrics work without it.</p>
</body></html>
`;

function sendNotBuilt(reply: FastifyReply): FastifyReply {
  return reply
    .code(503)
    .header('Cache-Control', REVALIDATE)
    .type('text/html; charset=utf-8')
    .send(NOT_BUILT_PAGE);
}
