import { z } from 'zod';
import { ownedIdSchema } from '../ids/stored-id.js';

/**
 * The wire forms of the tag events' arguments (docs/protocol/tags.md#tag-events), with their literal texts (docs/protocol/compatibility.md#literal-strings).
 * Browser-safe: the dashboard may check a tag before sending it.
 */

// Upstream's text for an unknown id; also for another tenant's, so ids cannot be probed.
export const TAG_NOT_FOUND_MSG = 'Tag not found';
export const INVALID_TAG_ID_MSG = 'Invalid tag ID.';
export const INVALID_TAG_MSG = 'Invalid tag.';
export const TAG_NAME_MSG = 'A tag needs a name of at most 255 characters.';
export const TAG_COLOR_MSG = 'A tag needs a color of at most 255 characters.';
export const TAG_VALUE_MSG = 'A tag value must be text of at most 1000 characters.';

// Upstream's columns are VARCHAR(255); the bound keeps one tag from bloating every list.
const MAX_TAG_TEXT = 255;
// Upstream's value is TEXT. Bounded anyway: it is repeated in every monitor list and
// becomes a Prometheus label value on every scrape.
const MAX_VALUE_LENGTH = 1000;

// Ids live in a Postgres `integer` column. Numbers from Python, numeric text from the UI.
export const tagIdSchema = ownedIdSchema(INVALID_TAG_ID_MSG);

// Stored as sent (no trimming), but a blank name would be an invisible tag.
const tagNameSchema = z
  .string({ error: TAG_NAME_MSG })
  .max(MAX_TAG_TEXT, TAG_NAME_MSG)
  .refine((name) => name.trim() !== '', TAG_NAME_MSG);
const tagColorSchema = z.string({ error: TAG_COLOR_MSG }).max(MAX_TAG_TEXT, TAG_COLOR_MSG);

/** `addTag`'s argument. Extra keys are ignored: Python's add_tag sends `new: true`. */
export const tagInputSchema = z.object(
  { name: tagNameSchema, color: tagColorSchema },
  { error: INVALID_TAG_MSG },
);

/** What `addTag` / `editTag` store. */
export type TagInput = z.output<typeof tagInputSchema>;

/**
 * `editTag`'s argument; Python's edit_tag sends the whole fetched tag. The id comes first so
 * an unknown or unusable one answers like upstream ("Tag not found") before anything about
 * the new name and color.
 */
export const tagEditSchema = z.object(
  {
    id: z.unknown().transform((value, ctx) => {
      const parsed = tagIdSchema.safeParse(value);
      if (parsed.success) return parsed.data;
      ctx.addIssue({ code: 'custom', message: TAG_NOT_FOUND_MSG });
      return z.NEVER;
    }),
    name: tagNameSchema,
    color: tagColorSchema,
  },
  { error: TAG_NOT_FOUND_MSG },
);

export type TagEdit = z.output<typeof tagEditSchema>;

/**
 * A monitor tag's `value`. Python and the UI send text ("" when empty); a number is stored
 * as its text, as SQLite would. A missing value is stored as null, as upstream's driver
 * stores undefined.
 */
export const tagValueSchema = z
  .union([z.string(), z.number().transform(String), z.null(), z.undefined()], {
    error: TAG_VALUE_MSG,
  })
  .transform((value) => value ?? null)
  .pipe(z.string().max(MAX_VALUE_LENGTH, TAG_VALUE_MSG).nullable());
