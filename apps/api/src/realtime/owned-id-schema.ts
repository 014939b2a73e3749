import { z } from 'zod';

// Ids live in Postgres `integer` columns. Numbers from Python, numeric text from the UI.
const storedIdSchema = z
  .union([
    z.number(),
    z
      .string()
      .regex(/^\d{1,10}$/)
      .transform(Number),
  ])
  .pipe(
    z
      .number()
      .int()
      .min(1)
      .max(2 ** 31 - 1),
  );

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
