import { expect } from 'vitest';
import { insertMonitor } from '../../testing/api-test-context.js';
import { fail, ok, okMsg, type Step } from '../conformance-step.js';
import type { World } from '../conformance-world.js';
import { getMonitor, read, tenantRows } from '../read-back.js';

// docs/protocol/tags.md#tag-events. Tags are global upstream; here each tenant has its own (architecture rule 1), so
// "global" means "every tag of the tenant".

const TAG_NOT_FOUND = 'Tag not found';
const INVALID_TAG_ID = 'Invalid tag ID.';

const tagId = (w: World) => w.saved['tag'] as number;
const monitorId = (w: World) => w.saved['tagged'] as number;
const allTags = (w: World) => tenantRows(w, 'tags');
const monitorTags = async (w: World) => (await getMonitor(w, monitorId(w))).tags;
const tag = (w: World, name: string, color: string) => ({ id: tagId(w), name, color });

/** Bob tries tenant A's tag and monitor ids with every id-taking event of docs/protocol/tags.md#tag-events. */
function strangerSteps(): Step[] {
  const unchanged = async (w: World) => [await allTags(w), await monitorTags(w)];
  const base = { as: 'b' as const, unchanged };
  return [
    {
      ...base,
      event: 'getTags',
      title: 'another tenant sees none of these tags',
      args: () => [],
      ack: ok({ tags: [] }),
    },
    {
      ...base,
      event: 'editTag',
      title: 'another tenant’s tag id is not found',
      args: (w) => [{ id: tagId(w), name: 'bob', color: '#000000' }],
      ack: fail(TAG_NOT_FOUND),
    },
    {
      ...base,
      event: 'addMonitorTag',
      title: 'another tenant’s tag and monitor are not found',
      args: (w) => [tagId(w), monitorId(w), 'bob'],
      ack: fail(TAG_NOT_FOUND),
    },
    {
      // docs/protocol/tags.md#tag-events: none matching is still a success; it must change nothing.
      ...base,
      event: 'editMonitorTag',
      title: 'another tenant’s link matches nothing',
      args: (w) => [tagId(w), monitorId(w), 'bob'],
      ack: okMsg('Edited Successfully.'),
    },
    {
      ...base,
      event: 'deleteMonitorTag',
      title: 'another tenant’s link matches nothing',
      args: (w) => [tagId(w), monitorId(w), 'v2'],
      ack: okMsg('Deleted Successfully.'),
    },
    {
      // docs/protocol/tags.md#tag-events: no existence check upstream.
      ...base,
      event: 'deleteTag',
      title: 'another tenant’s tag id deletes nothing',
      args: (w) => [tagId(w)],
      ack: okMsg('Deleted Successfully.'),
    },
  ];
}

export function tagSteps(): Step[] {
  return [
    {
      event: 'addTag',
      title: 'creates, ignoring extra keys',
      args: () => [{ name: 'alpha-tag', color: '#ff0000', new: true }],
      ack: ok({ tag: { id: expect.any(Number), name: 'alpha-tag', color: '#ff0000' } }),
      readBack: async (w, { ack }) => {
        w.saved['tag'] = (ack as { tag: { id: number } }).tag.id;
        expect((await read(w, 'getTags')).tags).toEqual([tag(w, 'alpha-tag', '#ff0000')]);
      },
    },
    {
      event: 'addTag',
      title: 'a tag without a name',
      args: () => [{ color: '#ff0000' }],
      ack: fail('A tag needs a name of at most 255 characters.'),
      unchanged: allTags,
    },
    {
      event: 'getTags',
      title: 'answers every tag',
      args: () => [],
      ack: (w: World) => ok({ tags: [tag(w, 'alpha-tag', '#ff0000')] }),
    },
    {
      event: 'getTags',
      title: 'not logged in',
      as: 'anon',
      args: () => [],
      ack: fail('You are not logged in.'),
    },
    {
      event: 'editTag',
      title: 'renames and recolours',
      args: (w) => [{ id: tagId(w), name: 'alpha-tag-2', color: '#00ff00' }],
      ack: (w: World) => okMsg('Saved', { tag: tag(w, 'alpha-tag-2', '#00ff00') }),
      readBack: async (w) => {
        expect((await read(w, 'getTags')).tags).toEqual([tag(w, 'alpha-tag-2', '#00ff00')]);
      },
    },
    {
      event: 'editTag',
      title: 'unknown id',
      args: () => [{ id: 987_654, name: 'x', color: '#000000' }],
      ack: fail(TAG_NOT_FOUND),
      unchanged: allTags,
    },
    {
      event: 'addMonitorTag',
      title: 'links tag first, then monitor, then value',
      arrange: async (w) => {
        w.saved['tagged'] = await insertMonitor(w.ctx.db, w.alice.tenantId, {
          name: 'alpha-tagged',
        });
      },
      args: (w) => [tagId(w), monitorId(w), 'v1'],
      ack: okMsg('Added Successfully.'),
      readBack: async (w) => {
        expect(await monitorTags(w)).toStrictEqual([
          {
            id: expect.any(Number),
            monitor_id: monitorId(w),
            tag_id: tagId(w),
            value: 'v1',
            name: 'alpha-tag-2',
            color: '#00ff00',
          },
        ]);
      },
    },
    {
      event: 'addMonitorTag',
      title: 'unknown tag',
      args: (w) => [987_654, monitorId(w), 'v1'],
      ack: fail(TAG_NOT_FOUND),
      unchanged: monitorTags,
    },
    {
      event: 'editMonitorTag',
      title: 'sets the value of the link',
      args: (w) => [tagId(w), monitorId(w), 'v2'],
      ack: okMsg('Edited Successfully.'),
      readBack: async (w) => {
        expect(await monitorTags(w)).toMatchObject([{ tag_id: tagId(w), value: 'v2' }]);
      },
    },
    {
      event: 'editMonitorTag',
      title: 'a tag id that is not a number',
      args: (w) => ['x', monitorId(w), 'v3'],
      ack: fail(INVALID_TAG_ID),
      unchanged: monitorTags,
    },
    ...strangerSteps(),
    {
      event: 'deleteMonitorTag',
      title: 'a value that is not text',
      args: (w) => [tagId(w), monitorId(w), { v: 2 }],
      ack: fail('A tag value must be text of at most 1000 characters.'),
      unchanged: monitorTags,
    },
    {
      event: 'deleteMonitorTag',
      title: 'removes the link matching all three',
      args: (w) => [tagId(w), monitorId(w), 'v2'],
      ack: okMsg('Deleted Successfully.'),
      readBack: async (w) => expect(await monitorTags(w)).toEqual([]),
    },
    {
      event: 'deleteTag',
      title: 'deletes',
      args: (w) => [tagId(w)],
      ack: okMsg('Deleted Successfully.'),
      readBack: async (w) => expect((await read(w, 'getTags')).tags).toEqual([]),
    },
    {
      event: 'deleteTag',
      title: 'an id that is not a number',
      args: () => ['abc'],
      ack: fail(INVALID_TAG_ID),
      unchanged: allTags,
    },
  ];
}
