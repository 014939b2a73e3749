import { z } from 'zod';
import { parseExpiry } from './api-key-expiry.js';
import { API_KEY_SCOPES } from './api-key-scope.js';

export const INVALID_API_KEY_ID_MSG = 'Invalid API key ID.';
const INVALID_EXPIRES_MSG = 'Expiry must be a date-time like "2030-12-31 23:59:59", or null.';

// docs/protocol/api-keys.md: `{name, expires, active}`; `active` is 0/1 from Python and the UI. `scope` is
// Watchpost's; Kuma clients omit it and get a write key, like a Kuma key.
export const newApiKeySchema = z.object(
  {
    name: z
      .string({ message: 'API key name must be text.' })
      .max(255, 'API key name must be at most 255 characters.')
      .refine((name) => name.trim() !== '', 'API key name must not be empty.'),
    expires: z
      .string({ message: INVALID_EXPIRES_MSG })
      .nullish()
      .transform((text, ctx) => {
        if (text === null || text === undefined || text === '') {
          return { expires: null, expiresAt: null };
        }
        const expiresAt = parseExpiry(text);
        if (expiresAt) return { expires: text, expiresAt };
        ctx.addIssue({ code: 'custom', message: INVALID_EXPIRES_MSG });
        return z.NEVER;
      }),
    active: z
      .union([z.boolean(), z.literal(0), z.literal(1)], {
        message: 'API key active must be true, false, 1 or 0.',
      })
      .optional(),
    scope: z
      .enum(API_KEY_SCOPES, { message: 'API key scope must be "read" or "write".' })
      .optional(),
  },
  { message: 'API key must be an object.' },
);
export type NewApiKeyInput = z.output<typeof newApiKeySchema>;
