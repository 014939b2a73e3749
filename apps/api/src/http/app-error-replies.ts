import type { FastifyInstance } from 'fastify';
import { AppError, INTERNAL_ERROR_MSG, type AppErrorCode } from '@watchpost/core';

/** The HTTP transport's one mapping of a service's error codes (sockets send `msg` instead). */
export function httpStatusOf(code: AppErrorCode): number {
  switch (code) {
    case 'invalid-input':
      return 400;
    case 'not-logged-in':
      return 401;
    case 'permission-denied':
      return 403;
    case 'not-found':
      return 404;
    case 'conflict':
      return 409;
    case 'rate-limited':
      return 429;
    default: {
      const unreachable: never = code;
      return unreachable;
    }
  }
}

/**
 * A route that lets a service's AppError escape answers with its status and text, in the
 * `{ok, msg}` shape the socket API uses. Fastify's own client errors (a malformed body) keep
 * Fastify's answer; any other error is our own bug: logged, and answered 500 without its
 * text, which may carry internals (the socket transport does the same).
 */
export function registerAppErrorReplies(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    if (error instanceof AppError) {
      return reply.code(httpStatusOf(error.code)).send({ ok: false, msg: error.message });
    }
    const status = (error as { statusCode?: unknown }).statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) throw error;
    request.log.error({ err: error }, 'request failed');
    return reply.code(500).send({ ok: false, msg: INTERNAL_ERROR_MSG });
  });
}
