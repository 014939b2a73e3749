import { z } from 'zod';
import { AppError, NUL_TEXT_MSG } from '../errors/app-error.js';
import { isPasswordTooWeak, WEAK_PASSWORD_MSG } from '../auth/password.js';

// Not in Kuma: bcrypt only reads the first 72 bytes, so longer input buys nothing but work.
export const MAX_PASSWORD_LENGTH = 1024;

// The socket layer's text for NUL characters in any other event (define-handler's guard).

// Postgres text cannot hold U+0000; such a name can neither be stored nor exist.
export const hasNoNul = (text: string) => !text.includes('\u0000');

/** A new username (`setup` (docs/protocol/authentication.md#setup)). */
export const usernameSchema = z
  .string({ message: 'Username must be text.' })
  .min(1, 'Username must not be empty.')
  .max(255, 'Username must be at most 255 characters.')
  .refine(hasNoNul, NUL_TEXT_MSG);

/** A new password (`setup` (docs/protocol/authentication.md#setup)). */
export const newPasswordSchema = z
  .string({ message: WEAK_PASSWORD_MSG })
  .max(MAX_PASSWORD_LENGTH, `Password must be at most ${MAX_PASSWORD_LENGTH} characters.`)
  .refine((password) => !isPasswordTooWeak(password), WEAK_PASSWORD_MSG);

/** Parses `value` or throws the first issue's text as an AppError, as clients show it. */
export function parseInput<Output>(schema: z.ZodType<Output>, value: unknown): Output {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new AppError('invalid-input', parsed.error.issues[0]?.message ?? 'Invalid input');
}
