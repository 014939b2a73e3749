import {
  monitorIdSchema,
  tagEditSchema,
  tagIdSchema,
  tagInputSchema,
  tagValueSchema,
} from '@watchpost/core';
import {
  addMonitorTag,
  addTag,
  deleteMonitorTag,
  deleteTag,
  editMonitorTag,
  editTag,
  listTags,
} from '@watchpost/core/services';
import { defineHandler, type SocketHandler } from './define-handler.js';

// Literal texts of docs/protocol/tags.md#tag-events / docs/protocol/compatibility.md#literal-strings: `editTag` says "Saved" without a full stop, the others
// have one.
const SAVED_MSG = 'Saved';
const ADDED_MSG = 'Added Successfully.';
const EDITED_MSG = 'Edited Successfully.';
const DELETED_MSG = 'Deleted Successfully.';

const linkArgs = [tagIdSchema, monitorIdSchema, tagValueSchema] as const;

export const tagHandlers: readonly SocketHandler[] = [
  defineHandler('getTags', [], async ({ service }) => ({
    ok: true,
    tags: await listTags(service),
  })),

  defineHandler('addTag', [tagInputSchema], async ({ service }, [input]) => ({
    ok: true,
    tag: await addTag(service, input),
  })),

  defineHandler('editTag', [tagEditSchema], async ({ service }, [input]) => ({
    ok: true,
    msg: SAVED_MSG,
    tag: await editTag(service, input),
  })),

  defineHandler('deleteTag', [tagIdSchema], async ({ service }, [id]) => {
    await deleteTag(service, id);
    return { ok: true, msg: DELETED_MSG };
  }),

  defineHandler('addMonitorTag', linkArgs, async ({ service }, [tagId, monitorId, value]) => {
    await addMonitorTag(service, tagId, monitorId, value);
    return { ok: true, msg: ADDED_MSG };
  }),

  defineHandler('editMonitorTag', linkArgs, async ({ service }, [tagId, monitorId, value]) => {
    await editMonitorTag(service, tagId, monitorId, value);
    return { ok: true, msg: EDITED_MSG };
  }),

  defineHandler('deleteMonitorTag', linkArgs, async ({ service }, [tagId, monitorId, value]) => {
    await deleteMonitorTag(service, tagId, monitorId, value);
    return { ok: true, msg: DELETED_MSG };
  }),
];
