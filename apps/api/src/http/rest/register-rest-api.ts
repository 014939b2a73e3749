import type { FastifyInstance } from 'fastify';
import { AppError, INTERNAL_ERROR_MSG } from '@watchpost/core';
import { httpStatusOf } from '../app-error-replies.js';
import { buildOpenApiDocument } from './openapi-document.js';
import { renderApiDocs } from './render-api-docs.js';
import { RestHttpError, sendRestError } from './rest-errors.js';
import { fastifyPathOf, type RestRoute } from './rest-route.js';
import { REST_PREFIX, runRestRoute, type RestRuntime } from './run-rest-route.js';

// The docs page is ours alone: no script at all, styles only from its own <style>.
const DOCS_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/**
 * `/api/v1` (docs/api.md): every route of the table, the OpenAPI document built from the same
 * table, and the docs page. Errors inside the prefix answer in one JSON shape; the rest of
 * the app keeps its own error replies.
 */
export function registerRestApi(
  app: FastifyInstance,
  runtime: RestRuntime,
  routes: readonly RestRoute[],
): void {
  const document = buildOpenApiDocument(routes);
  const documentText = JSON.stringify(document);
  const docsPage = renderApiDocs(document);

  void app.register(
    async (api) => {
      api.setErrorHandler((error, request, reply) => {
        if (error instanceof AppError) {
          return sendRestError(
            reply,
            httpStatusOf(error.code),
            error.code,
            error.message,
            error.field,
          );
        }
        if (error instanceof RestHttpError) {
          return sendRestError(reply, error.status, error.code, error.message, error.field);
        }
        // Fastify's own refusals of a request: malformed JSON, a wrong content type, too large.
        const status = (error as { statusCode?: unknown }).statusCode;
        if (typeof status === 'number' && status >= 400 && status < 500) {
          const code = status === 415 ? 'unsupported-media-type' : 'invalid-input';
          const message = error instanceof Error ? error.message : 'Bad request.';
          return sendRestError(reply, status, code, message, status === 415 ? undefined : 'body');
        }
        request.log.error({ err: error }, 'request failed');
        return sendRestError(reply, 500, 'internal', INTERNAL_ERROR_MSG);
      });
      // Unknown paths under the prefix answer in the API's shape, not with the dashboard.
      api.route({
        method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
        url: '/*',
        handler: async (request, reply) =>
          sendRestError(reply, 404, 'not-found', `No route ${request.method} ${request.url}.`),
      });

      api.get('/openapi.json', async (_request, reply) =>
        reply.type('application/json; charset=utf-8').send(documentText),
      );
      api.get('/docs', async (_request, reply) =>
        reply
          .type('text/html; charset=utf-8')
          .header('Content-Security-Policy', DOCS_CSP)
          .send(docsPage),
      );
      for (const route of routes) {
        api.route({
          method: route.method,
          url: fastifyPathOf(route.path),
          handler: (request, reply) => runRestRoute(runtime, route, request, reply),
        });
      }
    },
    { prefix: REST_PREFIX },
  );
}
