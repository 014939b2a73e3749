import { z } from 'zod';

// Ids live in Postgres `integer` columns; a larger one would make a query fail, not miss.
const MAX_STORED_ID = 2 ** 31 - 1;

/** Whether `id` can name a row at all; repositories answer "not found" for any other. */
export function isStorableId(id: number): boolean {
  return Number.isInteger(id) && id >= 1 && id <= MAX_STORED_ID;
}

/**
 * An id as clients send one: Python sends numbers, the web UI route parameters (numeric
 * text). Bounded to the column's range so no id can make a query fail.
 */
const storedIdSchema = z
  .union([
    z.number(),
    z
      .string()
      .regex(/^\d{1,10}$/)
      .transform(Number),
  ])
  .pipe(z.number().int().min(1).max(MAX_STORED_ID));

/** An id argument of a tenant-owned object; anything else is refused with `invalidMsg`. */
export function ownedIdSchema(invalidMsg: string) {
  return z.unknown().transform((value, ctx) => {
    const parsed = storedIdSchema.safeParse(value);
    if (parsed.success) return parsed.data;
    ctx.addIssue({ code: 'custom', message: invalidMsg });
    return z.NEVER;
  });
}

/** The `idOrNull` second argument of `addProxy` / `addDockerHost`: falsy means "create". */
export function ownedIdOrNullSchema(invalidMsg: string) {
  const id = ownedIdSchema(invalidMsg);
  return z.unknown().transform((value, ctx) => {
    if (!value) return null;
    const parsed = id.safeParse(value);
    if (parsed.success) return parsed.data;
    ctx.addIssue({ code: 'custom', message: invalidMsg });
    return z.NEVER;
  });
}
