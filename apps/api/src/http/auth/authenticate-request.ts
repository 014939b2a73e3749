import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import {
  apiKeyRejectionMessage,
  verifyApiKey,
  type ApiKeyPrincipal,
  type ApiKeyRejection,
  type ApiKeyScope,
  type Database,
} from '@watchpost/core/db';
import { readPresentedApiKey } from './presented-api-key.js';

export type RequestAuthentication =
  { ok: true; principal: ApiKeyPrincipal } | { ok: false; reason: ApiKeyRejection | 'missing' };

const MISSING_KEY_MSG =
  'An API key is required: send "Authorization: Bearer <key>", or HTTP Basic with the key as the password.';
const READ_ONLY_KEY_MSG = 'This API key is read-only.';

/**
 * Authenticates a request by the API key in its Authorization header (Bearer, or Basic with
 * the key as password) as the key's tenant. The building block of requireApiKey, for a
 * route that must answer differently without a key.
 */
export async function authenticateRequest(
  db: Kysely<Database>,
  request: FastifyRequest,
): Promise<RequestAuthentication> {
  const presented = readPresentedApiKey(request.headers.authorization);
  if (presented === null) return { ok: false, reason: 'missing' };
  return verifyApiKey(db, presented);
}

export interface RequireApiKeyOptions {
  /** `write` refuses read-scope keys with 403. Default: any valid key. */
  scope?: ApiKeyScope;
  /**
   * How a refusal reads. `basic` is what Prometheus and upstream's /metrics expect: 401, an
   * empty body and a `WWW-Authenticate: Basic` challenge. `json` (default) answers
   * `{ok:false,msg}` with a Bearer challenge, for API clients that show the reason.
   */
  challenge?: 'basic' | 'json';
}

const principals = new WeakMap<FastifyRequest, ApiKeyPrincipal>();

/**
 * A preHandler that lets only requests with a valid API key through; the handler then reads
 * who it serves with principalOf. Every tenant-facing HTTP route that needs auth uses this,
 * so all of them accept and refuse exactly the same keys.
 */
export function requireApiKey(
  db: Kysely<Database>,
  { scope, challenge = 'json' }: RequireApiKeyOptions = {},
) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<unknown> => {
    const auth = await authenticateRequest(db, request);
    if (!auth.ok) {
      const msg = auth.reason === 'missing' ? MISSING_KEY_MSG : apiKeyRejectionMessage(auth.reason);
      return refuse(reply, 401, msg, challenge);
    }
    if (scope === 'write' && auth.principal.scope !== 'write') {
      return refuse(reply, 403, READ_ONLY_KEY_MSG, challenge);
    }
    principals.set(request, auth.principal);
    return undefined;
  };
}

/** Who the request acts for; only valid in a route guarded by requireApiKey. */
export function principalOf(request: FastifyRequest): ApiKeyPrincipal {
  const principal = principals.get(request);
  if (!principal) throw new Error('principalOf called on a route without requireApiKey');
  return principal;
}

function refuse(
  reply: FastifyReply,
  status: 401 | 403,
  msg: string,
  challenge: 'basic' | 'json',
): FastifyReply {
  reply.code(status);
  if (challenge === 'basic') {
    if (status === 401)
      reply.header('WWW-Authenticate', 'Basic realm="Watchpost", charset="UTF-8"');
    return reply.send();
  }
  if (status === 401) reply.header('WWW-Authenticate', 'Bearer realm="Watchpost"');
  return reply.send({ ok: false, msg });
}
