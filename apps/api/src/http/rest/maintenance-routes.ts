import { z } from 'zod';
import {
  addMaintenance,
  deleteMaintenance,
  editMaintenance,
  getMaintenance,
  listMaintenances,
  maintenanceInputSchema,
  pauseMaintenance,
  resumeMaintenance,
} from '@watchpost/core/services';
import { documentedAs } from './openapi-document.js';
import { defineRoute, type RestCall } from './rest-route.js';
import { idParams, looseObject, parseInput, wireObject } from './rest-schemas.js';

const maintenanceSchema = documentedAs(
  'Maintenance',
  wireObject({
    id: z.number().int(),
    title: z.string(),
    strategy: z.string(),
    active: z.boolean(),
    status: z
      .string()
      .meta({ description: 'scheduled, under-maintenance, ended, inactive or unknown.' }),
  }),
);

const loadMaintenance = ({ service, params }: RestCall<{ id: number }>) =>
  getMaintenance(service, params.id);

const params = idParams('Maintenance window');

const maintenanceBody = documentedAs('MaintenanceInput', maintenanceInputSchema.omit({ id: true }));

export const maintenanceRoutes = [
  defineRoute({
    method: 'GET',
    path: '/maintenance',
    operationId: 'listMaintenance',
    summary: "The tenant's maintenance windows.",
    tag: 'maintenance',
    scope: 'read',
    response: z.object({ data: z.array(maintenanceSchema) }),
    handle: async ({ service }) => ({
      data: Object.values(await listMaintenances(service)).sort((a, b) => a.id - b.id),
    }),
  }),
  defineRoute({
    method: 'POST',
    path: '/maintenance',
    operationId: 'createMaintenance',
    summary: 'Create a maintenance window.',
    tag: 'maintenance',
    scope: 'write',
    body: maintenanceBody,
    response: maintenanceSchema,
    status: 201,
    location: (maintenance) => `/maintenance/${maintenance.id}`,
    handle: async ({ service, body }) =>
      getMaintenance(service, await addMaintenance(service, body)),
  }),
  defineRoute({
    method: 'GET',
    path: '/maintenance/{id}',
    operationId: 'getMaintenance',
    summary: 'One maintenance window.',
    tag: 'maintenance',
    scope: 'read',
    params,
    response: maintenanceSchema,
    handle: loadMaintenance,
  }),
  defineRoute({
    method: 'PUT',
    path: '/maintenance/{id}',
    operationId: 'replaceMaintenance',
    summary: 'Overwrite a maintenance window.',
    tag: 'maintenance',
    scope: 'write',
    params,
    body: looseObject,
    documentedBody: maintenanceBody,
    response: maintenanceSchema,
    current: loadMaintenance,
    handle: async (call) => {
      const input = parseInput(maintenanceInputSchema, { ...call.body, id: call.params.id });
      await editMaintenance(call.service, input);
      return loadMaintenance(call);
    },
  }),
  defineRoute({
    method: 'DELETE',
    path: '/maintenance/{id}',
    operationId: 'deleteMaintenance',
    summary: 'Delete a maintenance window.',
    tag: 'maintenance',
    scope: 'write',
    params,
    response: null,
    current: loadMaintenance,
    handle: async ({ service, params: { id } }) => {
      const { publish } = await deleteMaintenance(service, id);
      await publish();
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/maintenance/{id}/pause',
    operationId: 'pauseMaintenance',
    summary: 'Pause a maintenance window.',
    tag: 'maintenance',
    scope: 'write',
    params,
    response: maintenanceSchema,
    current: loadMaintenance,
    handle: async (call) => {
      const { publish } = await pauseMaintenance(call.service, call.params.id);
      await publish();
      return loadMaintenance(call);
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/maintenance/{id}/resume',
    operationId: 'resumeMaintenance',
    summary: 'Resume a paused maintenance window.',
    tag: 'maintenance',
    scope: 'write',
    params,
    response: maintenanceSchema,
    current: loadMaintenance,
    handle: async (call) => {
      const { publish } = await resumeMaintenance(call.service, call.params.id);
      await publish();
      return loadMaintenance(call);
    },
  }),
];
