import { z } from 'zod';
import { AppError } from '@watchpost/core';
import {
  addApiKey,
  deleteApiKey,
  disableApiKey,
  enableApiKey,
  listApiKeys,
  newApiKeySchema,
} from '@watchpost/core/services';
import { documentedAs } from './openapi-document.js';
import { defineRoute, type RestCall, type RestRoute } from './rest-route.js';
import { idParams, wireObject } from './rest-schemas.js';

const apiKeySchema = documentedAs(
  'ApiKey',
  wireObject({
    id: z.number().int(),
    name: z.string(),
    active: z.number().int().meta({ description: '1 or 0, as Kuma sends it.' }),
    status: z.enum(['active', 'inactive', 'expired']),
    scope: z.enum(['read', 'write']),
    expires: z.string().nullable(),
  }),
);
const createdKeySchema = wireObject({
  id: z.number().int(),
  key: z.string().meta({ description: 'The clear key; shown this once, never again.' }),
  name: z.string(),
  scope: z.enum(['read', 'write']),
});

const KEY_NOT_FOUND_MSG = 'API key not found.';

async function loadApiKey({ service, params }: RestCall<{ id: number }>) {
  const key = (await listApiKeys(service)).find((k) => k.id === params.id);
  if (!key) throw new AppError('not-found', KEY_NOT_FOUND_MSG);
  return key;
}

const params = idParams('API key');

/**
 * Disabling or deleting a key also ends the socket sessions it opened, on every API node
 * (as the socket events do), through the port startApi hands in.
 */
export function apiKeyRoutes(
  endSessions: (tenantId: number, keyId: number) => Promise<void>,
): RestRoute[] {
  return [
    defineRoute({
      method: 'GET',
      path: '/api-keys',
      operationId: 'listApiKeys',
      summary: "The tenant's API keys (never their secrets).",
      tag: 'api-keys',
      scope: 'read',
      response: z.object({ data: z.array(apiKeySchema) }),
      handle: async ({ service }) => ({ data: await listApiKeys(service) }),
    }),
    defineRoute({
      method: 'POST',
      path: '/api-keys',
      operationId: 'createApiKey',
      summary: 'Create an API key. Needs a login token: an API key cannot mint keys.',
      tag: 'api-keys',
      scope: 'account',
      body: newApiKeySchema,
      response: createdKeySchema,
      status: 201,
      location: (key) => `/api-keys/${key.id}`,
      handle: async (call) => {
        const created = await addApiKey(call.service, call.body);
        const listed = await loadApiKey({ ...call, params: { id: created.id } });
        return { ...listed, key: created.key };
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api-keys/{id}',
      operationId: 'getApiKey',
      summary: 'One API key.',
      tag: 'api-keys',
      scope: 'read',
      params,
      response: apiKeySchema,
      handle: loadApiKey,
    }),
    defineRoute({
      method: 'POST',
      path: '/api-keys/{id}/disable',
      operationId: 'disableApiKey',
      summary: 'Disable a key and end the sessions it opened (a write key may do this).',
      tag: 'api-keys',
      scope: 'write',
      params,
      response: apiKeySchema,
      current: loadApiKey,
      handle: async (call) => {
        const { publish } = await disableApiKey(call.service, call.params.id);
        await publish();
        await endSessions(call.service.tenantId, call.params.id);
        return loadApiKey(call);
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api-keys/{id}/enable',
      operationId: 'enableApiKey',
      summary: 'Enable a disabled key. Needs a login token.',
      tag: 'api-keys',
      scope: 'account',
      params,
      response: apiKeySchema,
      current: loadApiKey,
      handle: async (call) => {
        const { publish } = await enableApiKey(call.service, call.params.id);
        await publish();
        return loadApiKey(call);
      },
    }),
    defineRoute({
      method: 'DELETE',
      path: '/api-keys/{id}',
      operationId: 'deleteApiKey',
      summary: 'Delete a key and end the sessions it opened. Needs a login token.',
      tag: 'api-keys',
      scope: 'account',
      params,
      response: null,
      current: loadApiKey,
      handle: async ({ service, params: { id } }) => {
        const { publish } = await deleteApiKey(service, id);
        await publish();
        await endSessions(service.tenantId, id);
      },
    }),
  ];
}
