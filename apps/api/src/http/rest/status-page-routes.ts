import { z } from 'zod';
import {
  addStatusPage,
  deleteStatusPage,
  getStatusPage,
  incidentInputSchema,
  listStatusPages,
  logoInputSchema,
  postIncident,
  publicGroupListArgSchema,
  saveStatusPage,
  statusPageConfigSchema,
  toIncidentJson,
  unpinIncident,
} from '@watchpost/core/services';
import { documentedAs } from './openapi-document.js';
import { defineRoute, type RestCall } from './rest-route.js';
import { wireObject } from './rest-schemas.js';

const statusPageSchema = documentedAs(
  'StatusPage',
  wireObject({
    slug: z.string(),
    title: z.string(),
    published: z.boolean(),
  }),
);
const incidentSchema = wireObject({
  id: z.number().int(),
  title: z.string(),
  content: z.string(),
  style: z.string(),
});

const slugParams = z.object({
  slug: z
    .string()
    .min(1)
    .max(255, 'slug must be at most 255 characters.')
    .meta({ description: "The status page's slug." }),
});

/** A page of the caller's tenant; another tenant's slug is as unknown as a missing one. */
async function loadStatusPage({ service, params }: RestCall<{ slug: string }>) {
  return (await getStatusPage(service, params.slug)).config;
}

export const statusPageRoutes = [
  defineRoute({
    method: 'GET',
    path: '/status-pages',
    operationId: 'listStatusPages',
    summary: "The tenant's status pages.",
    tag: 'status-pages',
    scope: 'read',
    response: z.object({ data: z.array(statusPageSchema) }),
    handle: async ({ service }) => ({ data: Object.values(await listStatusPages(service)) }),
  }),
  defineRoute({
    method: 'POST',
    path: '/status-pages',
    operationId: 'createStatusPage',
    summary: 'Create a status page.',
    tag: 'status-pages',
    scope: 'write',
    body: z.object({
      title: z.string().max(255),
      slug: z.string().max(255).meta({ description: 'Lower-case letters, digits and dashes.' }),
    }),
    response: statusPageSchema,
    status: 201,
    location: (page) => `/status-pages/${encodeURIComponent(page.slug)}`,
    handle: async (call) => {
      await addStatusPage(call.service, call.body.title, call.body.slug);
      return loadStatusPage({ ...call, params: { slug: call.body.slug } });
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/status-pages/{slug}',
    operationId: 'getStatusPage',
    summary: "One status page's settings.",
    tag: 'status-pages',
    scope: 'read',
    params: slugParams,
    response: statusPageSchema,
    handle: loadStatusPage,
  }),
  defineRoute({
    method: 'PUT',
    path: '/status-pages/{slug}',
    operationId: 'replaceStatusPage',
    summary:
      "Replace a status page's settings, logo and groups, as the editor's Save does (a new `config.slug` renames it).",
    tag: 'status-pages',
    scope: 'write',
    params: slugParams,
    // The same three arguments as the socket's `saveStatusPage` (docs/protocol/status-pages.md).
    body: z.object({
      config: statusPageConfigSchema,
      logo: logoInputSchema,
      publicGroupList: publicGroupListArgSchema.meta({
        description: 'The groups in order, each `{name, monitorList: [{id, sendUrl?}]}`.',
      }),
    }),
    response: statusPageSchema,
    current: loadStatusPage,
    handle: async (call) => {
      const { config, logo, publicGroupList } = call.body;
      await saveStatusPage(call.service, call.params.slug, {
        config,
        logo,
        groups: publicGroupList.groups,
      });
      return loadStatusPage({ ...call, params: { slug: config.slug } });
    },
  }),
  defineRoute({
    method: 'DELETE',
    path: '/status-pages/{slug}',
    operationId: 'deleteStatusPage',
    summary: 'Delete a status page.',
    tag: 'status-pages',
    scope: 'write',
    params: slugParams,
    response: null,
    current: loadStatusPage,
    handle: ({ service, params: { slug } }) => deleteStatusPage(service, slug),
  }),
  defineRoute({
    method: 'POST',
    path: '/status-pages/{slug}/incident',
    operationId: 'postIncident',
    summary: 'Post (or, with an id, update) the pinned incident of a status page.',
    tag: 'status-pages',
    scope: 'write',
    params: slugParams,
    body: incidentInputSchema,
    response: incidentSchema,
    current: loadStatusPage,
    handle: async ({ service, params: { slug }, body }) =>
      toIncidentJson(await postIncident(service, slug, body), 'bool'),
  }),
  defineRoute({
    method: 'DELETE',
    path: '/status-pages/{slug}/incident',
    operationId: 'unpinIncident',
    summary: 'Unpin the incident of a status page.',
    tag: 'status-pages',
    scope: 'write',
    params: slugParams,
    response: null,
    current: loadStatusPage,
    handle: ({ service, params: { slug } }) => unpinIncident(service, slug),
  }),
];
