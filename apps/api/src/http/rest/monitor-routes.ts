import { z } from 'zod';
import { monitorInputSchema } from '@watchpost/core';
import { monitorRepository } from '@watchpost/core/db';
import { redactMonitor } from '@watchpost/core/realtime';
import {
  addMonitor,
  deleteMonitor,
  editMonitor,
  getMonitor,
  listMonitorPage,
  pauseMonitor,
  resumeMonitor,
  type LoginIdentity,
  type ServiceContext,
} from '@watchpost/core/services';
import { documentedAs } from './openapi-document.js';
import { defineRoute, type RestCall } from './rest-route.js';
import {
  booleanQuery,
  cursorQuery,
  encodeCursor,
  idParams,
  limitQuery,
  looseObject,
  pageOf,
} from './rest-schemas.js';

const STATUS_NAMES = ['down', 'up', 'pending', 'maintenance'] as const;
type StatusName = (typeof STATUS_NAMES)[number];

/**
 * A monitor as REST answers it: Kuma's monitor object (docs/protocol/monitors.md#monitor-object),
 * the same the dashboard receives, plus its current status.
 */
export const restMonitorSchema = documentedAs(
  'Monitor',
  z
    .object({
      id: z.number().int(),
      name: z.string(),
      type: z.string(),
      active: z.boolean(),
      status: z.enum(STATUS_NAMES).nullable().meta({ description: 'null before the first check.' }),
      tags: z.array(
        z.object({ tag_id: z.number(), name: z.string(), value: z.string().nullable() }).loose(),
      ),
    })
    .loose(),
);

type RestMonitor = z.output<typeof restMonitorSchema>;

function statusName(status: number | null | undefined): StatusName | null {
  return status === null || status === undefined ? null : (STATUS_NAMES[status] ?? null);
}

/** A read-scope key never sees a monitor's secrets (docs/protocol/api-keys.md#read-scope-keys). */
function forCaller(
  identity: LoginIdentity,
  monitor: Record<string, unknown>,
): Record<string, unknown> {
  return identity.scope === 'read' ? redactMonitor(monitor) : monitor;
}

/** One monitor, or 404 for an unknown or another tenant's id (getMonitor answers alike). */
export async function loadRestMonitor(call: RestCall<{ id: number }>): Promise<RestMonitor> {
  const { service, identity, params } = call;
  const [monitor, state] = await Promise.all([
    getMonitor(service, params.id),
    monitorRepository.findMonitorState(service.db, service.tenantId, params.id),
  ]);
  const restMonitor = { ...forCaller(identity, monitor), status: statusName(state?.status) };
  return restMonitor as RestMonitor;
}

// What changes with checks and maintenance windows rather than with edits.
const STATE_FIELDS = ['status', 'maintenance'] as const;

/** What a monitor's ETag covers (docs/api.md#etags): everything but its state. */
function monitorConfiguration(monitor: unknown): unknown {
  const copy = { ...(monitor as Record<string, unknown>) };
  for (const field of STATE_FIELDS) delete copy[field];
  return copy;
}

const listQuery = z.object({
  status: z
    .enum(STATUS_NAMES, { message: `status must be one of ${STATUS_NAMES.join(', ')}.` })
    .optional(),
  type: z.string().max(64).optional().meta({ description: 'Monitor type, e.g. http.' }),
  tag: z
    .string()
    .max(255)
    .optional()
    .meta({ description: 'Only monitors with this tag (by name).' }),
  search: z
    .string()
    .max(255)
    .optional()
    .meta({ description: 'Case-insensitive part of name, URL or hostname.' }),
  active: booleanQuery,
  limit: limitQuery(50, 500),
  cursor: cursorQuery,
});

async function listRestMonitors(
  service: ServiceContext,
  identity: LoginIdentity,
  query: z.output<typeof listQuery>,
) {
  const { status, type, tag, search, active } = query;
  const page = await listMonitorPage(
    service,
    {
      status: status === undefined ? undefined : STATUS_NAMES.indexOf(status),
      type,
      tag,
      search,
      active,
    },
    query.cursor ?? 0,
    query.limit,
  );
  return {
    data: page.monitors.map(
      ({ monitor, status: code }) =>
        ({ ...forCaller(identity, monitor), status: statusName(code) }) as RestMonitor,
    ),
    nextCursor: page.nextAfterId === null ? null : encodeCursor(page.nextAfterId),
  };
}

const params = idParams('Monitor');
const monitorBody = looseObject.meta({ description: 'Kuma monitor fields (see the schema).' });
const documentedMonitorBody = documentedAs('MonitorInput', monitorInputSchema(20));

/** `PATCH` keeps every field the body leaves out; `editMonitor` itself overwrites them all. */
async function patchMonitor(call: RestCall<{ id: number }, unknown, Record<string, unknown>>) {
  const current = await getMonitor(call.service, call.params.id);
  await editMonitor(call.service, { ...current, ...call.body, id: call.params.id });
  return loadRestMonitor(call);
}

export const monitorRoutes = [
  defineRoute({
    method: 'GET',
    path: '/monitors',
    operationId: 'listMonitors',
    summary: 'List monitors, filtered, by id, one page at a time.',
    tag: 'monitors',
    scope: 'read',
    query: listQuery,
    response: pageOf(restMonitorSchema),
    handle: ({ service, identity, query }) => listRestMonitors(service, identity, query),
  }),
  defineRoute({
    method: 'POST',
    path: '/monitors',
    operationId: 'createMonitor',
    summary: 'Create a monitor; it starts unless `active` is false.',
    tag: 'monitors',
    scope: 'write',
    body: monitorBody,
    documentedBody: documentedMonitorBody,
    response: restMonitorSchema,
    status: 201,
    location: (monitor) => `/monitors/${monitor.id}`,
    handle: async (call) => {
      const { monitorId } = await addMonitor(call.service, call.body);
      return loadRestMonitor({ ...call, params: { id: monitorId } });
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/monitors/{id}',
    operationId: 'getMonitor',
    summary: 'One monitor.',
    tag: 'monitors',
    scope: 'read',
    params,
    response: restMonitorSchema,
    etagCovers: monitorConfiguration,
    handle: loadRestMonitor,
  }),
  defineRoute({
    method: 'PUT',
    path: '/monitors/{id}',
    operationId: 'replaceMonitor',
    summary: 'Overwrite every editable field; missing fields take their defaults.',
    tag: 'monitors',
    scope: 'write',
    params,
    body: monitorBody,
    documentedBody: documentedMonitorBody,
    response: restMonitorSchema,
    current: loadRestMonitor,
    etagCovers: monitorConfiguration,
    handle: async (call) => {
      await editMonitor(call.service, { ...call.body, id: call.params.id });
      return loadRestMonitor(call);
    },
  }),
  defineRoute({
    method: 'PATCH',
    path: '/monitors/{id}',
    operationId: 'updateMonitor',
    summary: 'Change the fields the body names; the others keep their values.',
    tag: 'monitors',
    scope: 'write',
    params,
    body: monitorBody,
    documentedBody: documentedMonitorBody,
    response: restMonitorSchema,
    current: loadRestMonitor,
    etagCovers: monitorConfiguration,
    handle: patchMonitor,
  }),
  defineRoute({
    method: 'DELETE',
    path: '/monitors/{id}',
    operationId: 'deleteMonitor',
    summary: 'Delete a monitor and its history.',
    tag: 'monitors',
    scope: 'write',
    params,
    response: null,
    current: loadRestMonitor,
    etagCovers: monitorConfiguration,
    handle: async ({ service, params: { id } }) => {
      const { publish } = await deleteMonitor(service, id);
      await publish();
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/monitors/{id}/pause',
    operationId: 'pauseMonitor',
    summary: 'Stop checking (a group: its whole subtree).',
    tag: 'monitors',
    scope: 'write',
    params,
    response: restMonitorSchema,
    current: loadRestMonitor,
    etagCovers: monitorConfiguration,
    handle: async (call) => {
      await pauseMonitor(call.service, call.params.id);
      return loadRestMonitor(call);
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/monitors/{id}/resume',
    operationId: 'resumeMonitor',
    summary: 'Start checking again.',
    tag: 'monitors',
    scope: 'write',
    params,
    response: restMonitorSchema,
    current: loadRestMonitor,
    etagCovers: monitorConfiguration,
    handle: async (call) => {
      await resumeMonitor(call.service, call.params.id);
      return loadRestMonitor(call);
    },
  }),
];
