import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import type { AppErrorCode } from '@watchpost/core';

/** Codes only the REST transport answers with, besides the services' AppError codes. */
export type RestErrorCode =
  | AppErrorCode
  | 'precondition-failed'
  | 'idempotency-key-reused'
  | 'idempotency-key-in-progress'
  | 'unsupported-media-type'
  | 'internal';

/** docs/api.md#errors: every error of `/api/v1` has this one shape. */
export interface RestErrorBody {
  error: { code: RestErrorCode; message: string; field?: string };
}

export function restErrorBody(code: RestErrorCode, message: string, field?: string): RestErrorBody {
  return { error: { code, message, ...(field !== undefined && field !== '' && { field }) } };
}

export function sendRestError(
  reply: FastifyReply,
  status: number,
  code: RestErrorCode,
  message: string,
  field?: string,
): FastifyReply {
  return reply
    .code(status)
    .type('application/json; charset=utf-8')
    .send(restErrorBody(code, message, field));
}

/**
 * The first issue of a failed parse and the input it is about, by its own name (`limit`,
 * `url`), the way services name the field of their errors; `body` for the body as a whole.
 */
export function invalidInputOf(
  where: 'params' | 'query' | 'body',
  error: z.ZodError,
): { message: string; field: string } {
  const issue = error.issues[0];
  const path = issue?.path.map(String).join('.') ?? '';
  return { message: issue?.message ?? 'Invalid input', field: path === '' ? where : path };
}

/** A refusal of the REST transport itself (not a service's AppError), thrown to the error handler. */
export class RestHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: RestErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}
