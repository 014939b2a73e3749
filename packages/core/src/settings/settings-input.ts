import { z } from 'zod';

// Kuma's settings page sends about 15 keys; the bounds only keep one call from filling a row
// store with megabytes.
const MAX_KEYS = 100;
const MAX_KEY_LENGTH = 255;
const MAX_DATA_BYTES = 64 * 1024;

/** The `data` of `setSettings` (docs/protocol/settings.md): any keys, values as sent. */
export const settingsDataSchema = z
  .record(
    z
      .string()
      .min(1)
      .max(MAX_KEY_LENGTH, `Setting names must be at most ${MAX_KEY_LENGTH} characters.`),
    z.unknown(),
    { message: 'Settings must be an object.' },
  )
  .refine((data) => Object.keys(data).length <= MAX_KEYS, `At most ${MAX_KEYS} settings at once.`)
  .refine(
    (data) => Buffer.byteLength(JSON.stringify(data), 'utf8') <= MAX_DATA_BYTES,
    `Settings must be at most ${MAX_DATA_BYTES / 1024} KB.`,
  );

/** The zone `initServerTimezone` sends. */
export const timeZoneArgSchema = z.string({ message: 'The time zone must be text.' }).max(100);

export function invalidTimeZoneMessage(zone: string): string {
  return `Invalid timezone:${zone}`;
}
