import { z } from 'zod';
import { invalidInputOf, RestHttpError } from './rest-errors.js';

// Ids are stored as Postgres integers; a longer number can name nothing.
const ID_TEXT = /^[1-9]\d{0,9}$/;
const MAX_ID = 2_147_483_647;

/** A resource id in the path: a positive integer. */
export function idParam(what: string) {
  const message = `${what} must be a positive integer id.`;
  return z
    .string()
    .regex(ID_TEXT, message)
    .transform(Number)
    .pipe(z.number().max(MAX_ID, message))
    .meta({ description: `The ${what.toLowerCase()}.` });
}

export const idParams = (what: string) => z.object({ id: idParam(what) });

/** How many items a page holds. */
export function limitQuery(defaultLimit: number, max: number) {
  const message = `limit must be an integer from 1 to ${max}.`;
  return z
    .string()
    .regex(/^\d{1,5}$/, message)
    .transform(Number)
    .pipe(z.number().int().min(1, message).max(max, message))
    .optional()
    .transform((limit) => limit ?? defaultLimit)
    .meta({ description: `Items per page, 1 to ${max} (default ${defaultLimit}).` });
}

const BAD_CURSOR_MSG = 'cursor is not one this API issued; start again without it.';

/**
 * An opaque page cursor (docs/api.md#paging): the id of the last item of a page, from which
 * the next page goes on, encoded so that clients pass it back rather than build it.
 */
export function encodeCursor(lastId: number): string {
  return Buffer.from(JSON.stringify({ last: lastId }), 'utf8').toString('base64url');
}

export const cursorQuery = z
  .string()
  .max(200, BAD_CURSOR_MSG)
  .transform((text, ctx) => {
    try {
      const decoded: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
      const last = (decoded as { last?: unknown } | null)?.last;
      if (typeof last === 'number' && Number.isSafeInteger(last) && last > 0) return last;
    } catch {
      // Falls through to the one error below.
    }
    ctx.addIssue({ code: 'custom', message: BAD_CURSOR_MSG });
    return z.NEVER;
  })
  .optional()
  .meta({ description: 'The nextCursor of the previous page.' });

/** One page of a list, newest rules per resource; `nextCursor` null on the last page. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    data: z.array(item),
    nextCursor: z
      .string()
      .nullable()
      .meta({ description: 'Pass as cursor for the next page; null on the last.' }),
  });
}

/** A boolean in a query string. */
export const booleanQuery = z
  .enum(['true', 'false'], { message: 'must be true or false.' })
  .transform((flag) => flag === 'true')
  .optional();

/** Any JSON object, for the Kuma-shaped bodies whose own service validates every field. */
export const looseObject = z.object({}).loose();

/**
 * Parses a body the handler completes first (the path's id added): a failure is the caller's
 * bad input, answered 400 like any other, never an internal error.
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const { message, field } = invalidInputOf('body', parsed.error);
  throw new RestHttpError(400, 'invalid-input', message, field);
}

/**
 * A Kuma wire object: the fields REST promises, and whatever else the object carries. Typed
 * without the index signature, so the services' interfaces (which have none) fit it.
 */
export function wireObject<Shape extends z.ZodRawShape>(shape: Shape): z.ZodObject<Shape> {
  return z.object(shape).loose() as unknown as z.ZodObject<Shape>;
}
