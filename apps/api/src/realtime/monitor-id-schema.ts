import { z } from 'zod';

export const INVALID_ID_MSG = 'Invalid monitor ID.';

// Ids live in a Postgres `integer` column.
const MAX_ID = 2 ** 31 - 1;

/**
 * A monitor id argument. Python sends numbers, the web UI sends route parameters (numeric
 * strings). Bounded to the column's range so no id can make a query fail.
 */
const idText = z
  .string()
  .regex(/^\d{1,10}$/)
  .transform(Number);

export const monitorIdSchema = z
  .union([z.number(), idText], { message: INVALID_ID_MSG })
  .pipe(z.number().int(INVALID_ID_MSG).min(1, INVALID_ID_MSG).max(MAX_ID, INVALID_ID_MSG));
