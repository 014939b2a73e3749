import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { idempotencyRepository, rateLimitRepository } from '@watchpost/core/db';
import {
  loginByToken,
  serviceContext,
  type LoginIdentity,
  type ServicePorts,
} from '@watchpost/core/services';
import { matchesIfNoneMatch, strongEtag } from '../badges/etag.js';
import { invalidInputOf, RestHttpError, sendRestError } from './rest-errors.js';
import type { RestCall, RestRoute } from './rest-route.js';

export interface RestRuntime {
  ports: ServicePorts;
  jwtSecret: string;
  /** Requests per window and credential (docs/api.md#rate-limits). */
  rateLimit: rateLimitRepository.RateLimit;
}

export const REST_PREFIX = '/api/v1';
const JSON_TYPE = 'application/json; charset=utf-8';
const MISSING_CREDENTIALS_MSG =
  'Authentication is required: send "Authorization: Bearer <API key or login token>".';
const READ_ONLY_MSG = 'This API key is read-only.';
const ACCOUNT_ONLY_MSG = 'This needs a login token, not an API key.';
const PRECONDITION_FAILED_MSG = 'The resource has changed since the If-Match ETag was read.';
const KEY_REUSED_MSG = 'This Idempotency-Key was already used with a different request.';
const KEY_IN_PROGRESS_MSG = 'A request with this Idempotency-Key is still running; retry later.';
const BAD_IDEMPOTENCY_KEY_MSG = 'Idempotency-Key must be 1 to 255 visible ASCII characters.';
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/** Runs one request of `route`: auth, rate limit, input, preconditions, handler, reply. */
export async function runRestRoute(
  runtime: RestRuntime,
  route: RestRoute,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply> {
  const token = bearerTokenOf(request.headers.authorization);
  if (token === null) {
    reply.header('WWW-Authenticate', 'Bearer realm="Watchpost"');
    return sendRestError(reply, 401, 'not-logged-in', MISSING_CREDENTIALS_MSG);
  }
  // Throws AppError('not-logged-in') with the reason, answered 401 by the error handler.
  const identity = await loginByToken(
    { db: runtime.ports.db, jwtSecret: runtime.jwtSecret },
    token,
  );
  const credential = credentialOf(identity);

  const spend = await rateLimitRepository.spendRateLimit(
    runtime.ports.db,
    `rest:${credential}`,
    runtime.rateLimit,
  );
  const resetSeconds = Math.max(0, Math.ceil((spend.resetAt.getTime() - Date.now()) / 1000));
  reply.header('RateLimit-Limit', runtime.rateLimit.limit);
  reply.header('RateLimit-Remaining', spend.remaining);
  reply.header('RateLimit-Reset', resetSeconds);
  if (!spend.allowed) {
    reply.header('Retry-After', resetSeconds);
    return sendRestError(reply, 429, 'rate-limited', 'Too many requests; retry after the reset.');
  }

  if (route.scope === 'account' && identity.apiKeyId !== null) {
    return sendRestError(reply, 403, 'permission-denied', ACCOUNT_ONLY_MSG);
  }
  if (route.scope !== 'read' && identity.scope !== 'write') {
    return sendRestError(reply, 403, 'permission-denied', READ_ONLY_MSG);
  }

  const call: RestCall = {
    service: serviceContext(runtime.ports, identity),
    identity,
    params: undefined,
    query: undefined,
    body: undefined,
  };
  // The resource first, then the body: another tenant's id answers 404 whatever is sent.
  for (const where of ['params', 'query'] as const) parseInto(call, route, request, where);
  if (route.current) {
    const current = await route.current(call);
    const ifMatch = request.headers['if-match'];
    if (ifMatch !== undefined && !matchesIfMatch(ifMatch, etagOf(route, current))) {
      throw new RestHttpError(412, 'precondition-failed', PRECONDITION_FAILED_MSG, 'If-Match');
    }
  }
  parseInto(call, route, request, 'body');

  const idempotencyKey = request.headers['idempotency-key'];
  let claimed: idempotencyRepository.IdempotencyScope | null = null;
  if (route.method === 'POST' && idempotencyKey !== undefined) {
    if (typeof idempotencyKey !== 'string' || !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      return sendRestError(reply, 400, 'invalid-input', BAD_IDEMPOTENCY_KEY_MSG, 'Idempotency-Key');
    }
    const scope = { tenantId: identity.tenantId, credential, key: idempotencyKey };
    const requestHash = hashRequest(request);
    const claim = await idempotencyRepository.claimIdempotencyKey(
      runtime.ports.db,
      scope,
      requestHash,
    );
    if (claim.kind !== 'claimed' && claim.requestHash !== requestHash) {
      return sendRestError(reply, 422, 'idempotency-key-reused', KEY_REUSED_MSG, 'Idempotency-Key');
    }
    if (claim.kind === 'in-progress') {
      return sendRestError(reply, 409, 'idempotency-key-in-progress', KEY_IN_PROGRESS_MSG);
    }
    if (claim.kind === 'done') {
      const { status, location, body } = claim.response;
      reply.header('Idempotent-Replayed', 'true');
      if (location !== null) reply.header('Location', location);
      return body === ''
        ? reply.code(status).send()
        : reply.code(status).type(JSON_TYPE).send(body);
    }
    claimed = scope;
  }

  try {
    const sent = await respond(route, call, request, reply);
    if (claimed) {
      await idempotencyRepository.completeIdempotencyKey(runtime.ports.db, claimed, sent);
    }
    return reply;
  } catch (error) {
    if (claimed) await idempotencyRepository.releaseIdempotencyKey(runtime.ports.db, claimed);
    throw error;
  }
}

/** The handler and the reply; answers what was sent (for idempotent replays). */
async function respond(
  route: RestRoute,
  call: RestCall,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<{ status: number; location: string | null; body: string }> {
  const result = await route.handle(call);
  if (route.status === 204) {
    reply.code(204).send();
    return { status: 204, location: null, body: '' };
  }
  const body = JSON.stringify(result);
  if (route.method === 'GET') {
    const etag = etagOf(route, result);
    reply.header('ETag', etag).header('Cache-Control', 'private, no-cache');
    // A tag that covers only part of the body cannot vouch for the rest (a monitor's status),
    // so such a GET always answers with the body.
    if (!route.etagCovers && matchesIfNoneMatch(request.headers['if-none-match'], etag)) {
      reply.code(304).send();
      return { status: 304, location: null, body: '' };
    }
  }
  const location = route.location ? `${REST_PREFIX}${route.location(result)}` : null;
  if (location !== null) reply.header('Location', location);
  reply.code(route.status).type(JSON_TYPE).send(body);
  return { status: route.status, location, body };
}

function parseInto(
  call: RestCall,
  route: RestRoute,
  request: FastifyRequest,
  where: 'params' | 'query' | 'body',
): void {
  const schema = route[where];
  if (!schema) return;
  const parsed = schema.safeParse(request[where] ?? (where === 'body' ? {} : undefined));
  if (!parsed.success) {
    const { message, field } = invalidInputOf(where, parsed.error);
    throw new RestHttpError(400, 'invalid-input', message, field);
  }
  call[where] = parsed.data;
}

/** The Bearer credential of an Authorization header; scheme names are case-insensitive. */
function bearerTokenOf(authorization: string | undefined): string | null {
  const match = /^bearer +(\S+) *$/i.exec(authorization ?? '');
  return match ? (match[1] as string) : null;
}

/** Rate limits and idempotency keys belong to the key, or to the user of a login token. */
function credentialOf(identity: LoginIdentity): string {
  return identity.apiKeyId !== null ? `key:${identity.apiKeyId}` : `user:${identity.userId}`;
}

/** The resource's ETag: of the part `etagCovers` names, or of the whole body. */
function etagOf(route: RestRoute, resource: unknown): string {
  return strongEtag(JSON.stringify(route.etagCovers ? route.etagCovers(resource) : resource));
}

/** If-Match compares strongly (RFC 9110 §13.1.1): `*` or the exact tag. */
function matchesIfMatch(header: string, etag: string): boolean {
  return header.split(',').some((tag) => tag.trim() === '*' || tag.trim() === etag);
}

function hashRequest(request: FastifyRequest): string {
  return createHash('sha256')
    .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
    .digest('hex');
}
