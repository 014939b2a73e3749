import { MONITOR_NOT_FOUND_MSG, monitorIdSchema } from '@watchpost/core';
import { z } from 'zod';
import { AppError } from '@watchpost/core';
import { tagRepository } from '@watchpost/core/db';
import { tenantRoom } from '@watchpost/core/realtime';
import { defineHandler, type SocketHandler } from './define-handler.js';
import { loadMonitorList } from '@watchpost/core/services';
import type { RealtimeDeps } from './realtime-deps.js';

// Literal texts of spec §3.2 / §9.2: `editTag` says "Saved" without a full stop, the others
// have one.
const SAVED_MSG = 'Saved';
const ADDED_MSG = 'Added Successfully.';
const EDITED_MSG = 'Edited Successfully.';
const DELETED_MSG = 'Deleted Successfully.';
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
const idText = z
  .string()
  .regex(/^\d{1,10}$/)
  .transform(Number);
const tagIdSchema = z.union([z.number(), idText], { error: INVALID_TAG_ID_MSG }).pipe(
  z
    .number()
    .int(INVALID_TAG_ID_MSG)
    .min(1, INVALID_TAG_ID_MSG)
    .max(2 ** 31 - 1, INVALID_TAG_ID_MSG),
);

// Stored as sent (no trimming), but a blank name would be an invisible tag.
const tagNameSchema = z
  .string({ error: TAG_NAME_MSG })
  .max(MAX_TAG_TEXT, TAG_NAME_MSG)
  .refine((name) => name.trim() !== '', TAG_NAME_MSG);
const tagColorSchema = z.string({ error: TAG_COLOR_MSG }).max(MAX_TAG_TEXT, TAG_COLOR_MSG);

// Extra keys are ignored: Python's add_tag sends `new: true`, edit_tag the whole fetched tag.
const addTagSchema = z.object(
  { name: tagNameSchema, color: tagColorSchema },
  { error: INVALID_TAG_MSG },
);

// The id comes first so an unknown or unusable one answers like upstream ("Tag not found")
// before anything about the new name and color.
const editTagSchema = z.object(
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

// Python and the UI send text ("" when empty); a number is stored as its text, as SQLite
// would. A missing value is stored as null, as upstream's driver stores undefined.
const tagValueSchema = z
  .union([z.string(), z.number().transform(String), z.null(), z.undefined()], {
    error: TAG_VALUE_MSG,
  })
  .transform((value) => value ?? null)
  .pipe(z.string().max(MAX_VALUE_LENGTH, TAG_VALUE_MSG).nullable());

const linkArgs = [tagIdSchema, monitorIdSchema, tagValueSchema] as const;

export const tagHandlers: readonly SocketHandler[] = [
  // Spec §3.2: the tenant's tags only (upstream's are global, here each tenant has its own).
  defineHandler('getTags', [], async ({ deps, session }) => ({
    ok: true,
    tags: await tagRepository.listTags(deps.db, session.tenantId),
  })),

  // Spec §3.2: no push; nothing shows a tag until it is linked.
  defineHandler('addTag', [addTagSchema], async ({ deps, session }, [input]) => ({
    ok: true,
    tag: await tagRepository.createTag(deps.db, session.tenantId, input),
  })),

  // Spec §3.2. Not pushed upstream; the monitors showing the tag get a fresh monitorList
  // (before the ack, §1.4) so other open dashboards show the new name and color.
  defineHandler('editTag', [editTagSchema], async ({ deps, session }, [{ id, ...input }]) => {
    const { tenantId } = session;
    const saved = await tagRepository.updateTag(deps.db, tenantId, id, input);
    if (!saved) throw new AppError('not-found', TAG_NOT_FOUND_MSG);
    if (saved.linked) await pushMonitorList(deps, tenantId);
    return { ok: true, msg: SAVED_MSG, tag: saved.tag };
  }),

  // Spec §3.2: no existence check, so an unknown id (or another tenant's) is a success
  // that changes nothing; the Python client checks existence itself (§9.8).
  defineHandler('deleteTag', [tagIdSchema], async ({ deps, session }, [id]) => {
    const { tenantId } = session;
    const { unlinkedCount } = await tagRepository.deleteTag(deps.db, tenantId, id);
    if (unlinkedCount > 0) await pushMonitorList(deps, tenantId);
    return { ok: true, msg: DELETED_MSG };
  }),

  // Spec §3.2, tag first (§9.7). Upstream fails on its foreign keys for an unknown tag or
  // monitor; here with a plain text, the same for another tenant's ids.
  defineHandler('addMonitorTag', linkArgs, async ({ deps, session }, [tagId, monitorId, value]) => {
    const { tenantId } = session;
    const result = await tagRepository.addMonitorTag(deps.db, tenantId, tagId, monitorId, value);
    if (result === 'tag-not-found') throw new AppError('not-found', TAG_NOT_FOUND_MSG);
    if (result === 'monitor-not-found') throw new AppError('not-found', MONITOR_NOT_FOUND_MSG);
    // Upstream pushes nothing and Python re-reads the monitor; pushing as well keeps other
    // dashboards current and is harmless (§3.2).
    await pushMonitorList(deps, tenantId);
    return { ok: true, msg: ADDED_MSG };
  }),

  // Spec §3.2: every link of this tag to this monitor; none matching is still a success.
  defineHandler(
    'editMonitorTag',
    linkArgs,
    async ({ deps, session }, [tagId, monitorId, value]) => {
      const { tenantId } = session;
      const edited = await tagRepository.editMonitorTag(deps.db, tenantId, tagId, monitorId, value);
      if (edited > 0) await pushMonitorList(deps, tenantId);
      return { ok: true, msg: EDITED_MSG };
    },
  ),

  // Spec §3.2: the links matching all three; none matching is still a success.
  defineHandler(
    'deleteMonitorTag',
    linkArgs,
    async ({ deps, session }, [tagId, monitorId, value]) => {
      const { tenantId } = session;
      const deleted = await tagRepository.deleteMonitorTag(
        deps.db,
        tenantId,
        tagId,
        monitorId,
        value,
      );
      if (deleted > 0) await pushMonitorList(deps, tenantId);
      return { ok: true, msg: DELETED_MSG };
    },
  ),
];

async function pushMonitorList(deps: RealtimeDeps, tenantId: number): Promise<void> {
  const list = await loadMonitorList(deps.db, tenantId);
  deps.io.to(tenantRoom(tenantId)).emit('monitorList', list);
}
