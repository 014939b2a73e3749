import { z } from 'zod';
import { AppError, tagInputSchema, tagValueSchema } from '@watchpost/core';
import {
  addMonitorTag,
  addTag,
  deleteMonitorTag,
  deleteTag,
  editTag,
  getMonitor,
  listTags,
  type ServiceContext,
} from '@watchpost/core/services';
import { documentedAs } from './openapi-document.js';
import { defineRoute, type RestCall } from './rest-route.js';
import { idParam, idParams, wireObject } from './rest-schemas.js';

const tagSchema = documentedAs(
  'Tag',
  wireObject({ id: z.number().int(), name: z.string(), color: z.string() }),
);
const monitorTagSchema = wireObject({
  tag_id: z.number().int(),
  name: z.string(),
  color: z.string(),
  value: z.string().nullable(),
});

const TAG_NOT_FOUND_MSG = 'Tag not found.';

/** One tag of the tenant, or 404 (listTags is tenant-scoped, so another tenant's is unknown). */
async function loadTag({ service, params }: RestCall<{ id: number }>) {
  const tag = (await listTags(service)).find((t) => t.id === params.id);
  if (!tag) throw new AppError('not-found', TAG_NOT_FOUND_MSG);
  return tag;
}

async function monitorTagsOf(service: ServiceContext, monitorId: number) {
  const monitor = await getMonitor(service, monitorId);
  return monitor['tags'] as z.input<typeof monitorTagSchema>[];
}

const params = idParams('Tag');
const monitorParams = z.object({ id: idParam('Monitor') });
const linkBody = z.object({ tagId: z.number().int().positive(), value: tagValueSchema.optional() });

export const tagRoutes = [
  defineRoute({
    method: 'GET',
    path: '/tags',
    operationId: 'listTags',
    summary: "The tenant's tags.",
    tag: 'tags',
    scope: 'read',
    response: z.object({ data: z.array(tagSchema) }),
    handle: async ({ service }) => ({ data: await listTags(service) }),
  }),
  defineRoute({
    method: 'POST',
    path: '/tags',
    operationId: 'createTag',
    summary: 'Create a tag.',
    tag: 'tags',
    scope: 'write',
    body: tagInputSchema,
    response: tagSchema,
    status: 201,
    location: (tag) => `/tags/${tag.id}`,
    handle: ({ service, body }) => addTag(service, body),
  }),
  defineRoute({
    method: 'GET',
    path: '/tags/{id}',
    operationId: 'getTag',
    summary: 'One tag.',
    tag: 'tags',
    scope: 'read',
    params,
    response: tagSchema,
    handle: loadTag,
  }),
  defineRoute({
    method: 'PUT',
    path: '/tags/{id}',
    operationId: 'replaceTag',
    summary: "Change a tag's name and color.",
    tag: 'tags',
    scope: 'write',
    params,
    body: tagInputSchema,
    response: tagSchema,
    current: loadTag,
    handle: ({ service, params: { id }, body }) => editTag(service, { id, ...body }),
  }),
  defineRoute({
    method: 'DELETE',
    path: '/tags/{id}',
    operationId: 'deleteTag',
    summary: 'Delete a tag and take it off every monitor.',
    tag: 'tags',
    scope: 'write',
    params,
    response: null,
    current: loadTag,
    handle: ({ service, params: { id } }) => deleteTag(service, id),
  }),
  defineRoute({
    method: 'GET',
    path: '/monitors/{id}/tags',
    operationId: 'listMonitorTags',
    summary: "A monitor's tags, with their values.",
    tag: 'tags',
    scope: 'read',
    params: monitorParams,
    response: z.object({ data: z.array(monitorTagSchema) }),
    handle: async ({ service, params: { id } }) => ({ data: await monitorTagsOf(service, id) }),
  }),
  defineRoute({
    method: 'POST',
    path: '/monitors/{id}/tags',
    operationId: 'addMonitorTag',
    summary: 'Put a tag (with an optional value) on a monitor.',
    tag: 'tags',
    scope: 'write',
    params: monitorParams,
    body: linkBody,
    response: z.object({ data: z.array(monitorTagSchema) }),
    status: 201,
    location: () => '/tags',
    handle: async ({ service, params: { id }, body }) => {
      await addMonitorTag(service, body.tagId, id, body.value ?? null);
      return { data: await monitorTagsOf(service, id) };
    },
  }),
  defineRoute({
    method: 'DELETE',
    path: '/monitors/{id}/tags/{tagId}',
    operationId: 'removeMonitorTag',
    summary: 'Take a tag off a monitor (only the given value, when `value` is set).',
    tag: 'tags',
    scope: 'write',
    params: z.object({ id: idParam('Monitor'), tagId: idParam('Tag') }),
    query: z.object({ value: z.string().max(1000).optional() }),
    response: null,
    handle: async ({ service, params, query }) => {
      const links = (await monitorTagsOf(service, params.id)).filter(
        (t) => t.tag_id === params.tagId && (query.value === undefined || t.value === query.value),
      );
      if (links.length === 0) throw new AppError('not-found', TAG_NOT_FOUND_MSG);
      for (const link of links)
        await deleteMonitorTag(service, params.tagId, params.id, link.value);
    },
  }),
];
