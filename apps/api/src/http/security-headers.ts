import type { FastifyInstance } from 'fastify';

/**
 * docs/protocol/http.md#general-behaviour: every HTTP response carries `X-Frame-Options: SAMEORIGIN`. Fastify sends no
 * `X-Powered-By`, so nothing needs removing.
 */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('X-Frame-Options', 'SAMEORIGIN');
    return payload;
  });
}
