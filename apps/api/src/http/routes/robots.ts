import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { settingsRepository, type Database } from '@watchpost/core/db';
import { resolveStatusTenant } from '../status-pages/resolve-status-tenant.js';

/**
 * `GET /robots.txt` (docs/protocol/http.md#other-routes): everything disallowed unless the tenant of the host (a
 * custom domain's, else the instance's first) has set `searchEngineIndex`. Only at the root:
 * crawlers never look for it under `/t/<tenantId>`.
 */
export function registerRobotsRoute(app: FastifyInstance, deps: { db: Kysely<Database> }): void {
  const { db } = deps;
  app.get('/robots.txt', async (request, reply) => {
    const tenantId = await resolveStatusTenant(db, request);
    const index =
      tenantId !== undefined &&
      (await settingsRepository.getSetting(db, tenantId, 'searchEngineIndex')) === true;
    return reply
      .type('text/plain; charset=utf-8')
      .send(index ? 'User-agent: *\nDisallow:' : 'User-agent: *\nDisallow: /');
  });
}
