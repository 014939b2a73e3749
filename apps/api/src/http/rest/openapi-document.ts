import { z } from 'zod';
import type { RestRoute } from './rest-route.js';
import { REST_PREFIX } from './run-rest-route.js';

type JsonSchema = Record<string, unknown>;

const ERROR_SCHEMA = z.object({
  error: z.object({
    code: z.string().meta({ description: 'Stable machine-readable code, e.g. not-found.' }),
    message: z.string(),
    field: z.string().optional().meta({ description: 'The input the message is about.' }),
  }),
});

const ERROR_RESPONSES: Record<string, string> = {
  '400': 'Invalid input; nothing was changed.',
  '401': 'No, or an invalid, API key or login token.',
  '403': 'The credential may not do this (a read-scope key writing, an API key managing keys).',
  '404': 'No such resource in your tenant.',
  '409': 'Conflicts with the current state, or the Idempotency-Key is still in use.',
  '412': 'If-Match does not match the current ETag.',
  '422': 'The Idempotency-Key was used with a different request.',
  '429': 'Rate limit exceeded; see Retry-After.',
};

const RATE_LIMIT_HEADERS = {
  'RateLimit-Limit': { schema: { type: 'integer' }, description: 'Requests per window.' },
  'RateLimit-Remaining': { schema: { type: 'integer' }, description: 'Requests left.' },
  'RateLimit-Reset': {
    schema: { type: 'integer' },
    description: 'Seconds until the window resets.',
  },
};

/** A zod schema as JSON Schema 2020-12, the dialect OpenAPI 3.1 uses. */
export function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  delete json['$schema'];
  return json;
}

/** Path and query parameters from the object schemas that parse them. */
function parametersOf(route: RestRoute): JsonSchema[] {
  const parameters: JsonSchema[] = [];
  for (const [where, schema] of [
    ['path', route.params],
    ['query', route.query],
  ] as const) {
    if (!schema) continue;
    const object = jsonSchemaOf(schema, 'input');
    const properties = (object['properties'] ?? {}) as Record<string, JsonSchema>;
    const required = new Set((object['required'] ?? []) as string[]);
    for (const [name, property] of Object.entries(properties)) {
      const { description, ...rest } = property;
      parameters.push({
        name,
        in: where,
        required: where === 'path' || required.has(name),
        ...(typeof description === 'string' && { description }),
        schema: rest,
      });
    }
  }
  return parameters;
}

function operationOf(route: RestRoute): JsonSchema {
  const success: JsonSchema = {
    description: route.status === 201 ? 'Created.' : route.status === 204 ? 'Done.' : 'OK.',
    headers: {
      ...RATE_LIMIT_HEADERS,
      ...(route.method === 'GET' && { ETag: { schema: { type: 'string' } } }),
      ...(route.location && { Location: { schema: { type: 'string' } } }),
    },
    ...(route.response && {
      content: { 'application/json': { schema: jsonSchemaOf(route.response, 'output') } },
    }),
  };
  const responses: Record<string, JsonSchema> = { [String(route.status)]: success };
  if (route.method === 'GET') responses['304'] = { description: 'Not modified (If-None-Match).' };
  for (const [status, description] of Object.entries(ERROR_RESPONSES)) {
    responses[status] = {
      description,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    };
  }
  const headers: JsonSchema[] = [];
  if (route.method === 'POST') {
    headers.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description: 'Replays the first response to the same request for 24 hours.',
      schema: { type: 'string', minLength: 1, maxLength: 255 },
    });
  }
  if (route.current) {
    headers.push({
      name: 'If-Match',
      in: 'header',
      required: false,
      description: 'Answer 412 unless the resource still has this ETag.',
      schema: { type: 'string' },
    });
  }
  if (route.method === 'GET') {
    headers.push({
      name: 'If-None-Match',
      in: 'header',
      required: false,
      schema: { type: 'string' },
    });
  }
  return {
    operationId: route.operationId,
    summary: route.summary,
    tags: [route.tag],
    'x-watchpost-scope': route.scope,
    parameters: [...parametersOf(route), ...headers],
    ...(route.body && { requestBody: requestBodyOf(route, route.body) }),
    responses,
  };
}

function requestBodyOf(route: RestRoute, body: z.ZodType): JsonSchema {
  const schema = jsonSchemaOf(route.documentedBody ?? body, 'input');
  // A PATCH names only the fields it changes: every field is optional there.
  if (route.method === 'PATCH') delete schema['required'];
  return { required: true, content: { 'application/json': { schema } } };
}

/** The OpenAPI 3.1 document of `/api/v1`, built from the same route table Fastify serves. */
export function buildOpenApiDocument(routes: readonly RestRoute[]): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of routes) {
    const item = (paths[route.path] ??= {});
    item[route.method.toLowerCase()] = operationOf(route);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Watchpost REST API',
      version: '1',
      description:
        'Monitors, heartbeats, uptime, tags, notifications, status pages, maintenance and API keys. ' +
        'Authenticate with "Authorization: Bearer <API key or login token>".',
    },
    servers: [{ url: REST_PREFIX }],
    security: [{ bearer: [] }],
    tags: [...new Set(routes.map((r) => r.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'An API key (uk<id>_<secret>) or a login token from the Socket.IO login.',
        },
      },
      schemas: { Error: jsonSchemaOf(ERROR_SCHEMA, 'output') },
    },
  };
}
