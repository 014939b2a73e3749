import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import {
  publishBeats,
  recordPush,
  spendPushAttempt,
  TOO_FREQUENT_MSG,
  type Database,
} from '@watchpost/core/db';
import type { TenantEvents } from '@watchpost/core/realtime';
import type { BackgroundTasks } from '@watchpost/core/runtime';
import { pushQuerySchema, pushTokenSchema } from './push-query.js';

export interface PushRouteDeps {
  db: Kysely<Database>;
  /** The tenant rooms the beats go to (this node's Socket.IO server and its adapter). */
  events: TenantEvents;
  logger: Logger;
  /** Where the statistics pushes after a reply run, so that closing the node waits for them. */
  background: BackgroundTasks;
}

export const PUSH_PATH = '/api/push/:pushToken';
// docs/protocol/http.md#push-endpoint, verbatim: clients and users match on it.
const NOT_FOUND = { ok: false, msg: 'Monitor not found or not active.' } as const;
const FAILED = { ok: false, msg: 'The push could not be recorded; try again.' } as const;
// Kuma's limiter text (docs/protocol/authentication.md#rate-limiting), in the push endpoint's JSON shape.
const TOO_FREQUENT = { ok: false, msg: TOO_FREQUENT_MSG } as const;
// Scripts send all kinds of bodies with their push; none of it is read.
const MAX_IGNORED_BODY_BYTES = 64 * 1024;

/**
 * `GET`/`POST /api/push/:pushToken?status=&msg=&ping=` (docs/protocol/monitoring.md#push-monitors, docs/protocol/http.md#push-endpoint): records a beat for
 * the active monitor with that token, tells its tenant's sockets, answers `{ok:true}`.
 */
export function registerPushRoute(app: FastifyInstance, deps: PushRouteDeps): void {
  // An encapsulated scope, so that its body handling applies to this route alone.
  void app.register(async (scope) => {
    // Only the query string counts (as upstream). A body of any type, or none, is accepted
    // and dropped, so `curl -d …` or a webhook's JSON never turns a push into a 415 or 400.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: MAX_IGNORED_BODY_BYTES },
      (_request, _body, done) => done(null, undefined),
    );

    scope.route<{ Params: { pushToken: string } }>({
      method: ['GET', 'POST'],
      url: PUSH_PATH,
      // A HEAD (link checkers, `curl -I`) must not count as a push.
      exposeHeadRoute: false,
      handler: async (request, reply) => {
        // Each call is an event, never something a proxy may answer from a cache.
        void reply.header('Cache-Control', 'no-store');
        const token = pushTokenSchema.safeParse(request.params.pushToken);
        if (!token.success) return reply.code(404).send(NOT_FOUND);
        const report = pushQuerySchema.parse(request.query);
        let beat;
        try {
          // Counted before the lookup, so a flood costs one small upsert per request and never
          // a monitor row lock.
          if (!(await spendPushAttempt(deps.db, token.data))) {
            void reply.header('Retry-After', '60');
            return reply.code(429).send(TOO_FREQUENT);
          }
          beat = await recordPush(deps.db, token.data, report);
        } catch (error) {
          request.log.error({ err: error }, 'could not record a push');
          return reply.code(500).send(FAILED);
        }
        if (!beat) return reply.code(404).send(NOT_FOUND);
        // The beat is committed (architecture rule 2). `heartbeat` goes out before the reply; the
        // statistics follow without holding the pusher up.
        deps.background.run(() =>
          publishBeats(deps, [beat]).catch((error: unknown) => {
            request.log.warn({ err: error }, 'could not publish a push beat');
          }),
        );
        return { ok: true };
      },
    });
  });
}
