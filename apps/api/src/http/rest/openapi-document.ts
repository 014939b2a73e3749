import { z } from 'zod';
import type { RestRoute } from './rest-route.js';
import { REST_PREFIX } from './run-rest-route.js';

type JsonSchema = Record<string, unknown>;

/**
 * Schemas the document writes once, under `components.schemas`, and refers to wherever an
 * operation uses them (a Kuma monitor object is some 16 KB of JSON Schema). Route modules name
 * their shared schemas here with `documentedAs`.
 */
const COMPONENT_SCHEMAS = z.registry<{ id: string }>();

/** Writes `schema` once in the document, as `components.schemas[id]`. */
export function documentedAs<S extends z.ZodType>(id: string, schema: S): S {
  COMPONENT_SCHEMAS.add(schema, { id });
  return schema;
}

const COMPONENTS_PATH = '#/components/schemas/';

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

/**
 * As jsonSchemaOf, with the named schemas (documentedAs) left as `$ref`s and added to
 * `components`, once each.
 */
function referencingSchemaOf(
  schema: z.ZodType,
  io: 'input' | 'output',
  components: Record<string, JsonSchema>,
): JsonSchema {
  const json = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    metadata: COMPONENT_SCHEMAS,
  }) as JsonSchema;
  delete json['$schema'];
  const defs = (json['$defs'] ?? {}) as Record<string, JsonSchema>;
  delete json['$defs'];
  const moved = (value: unknown) =>
    JSON.parse(JSON.stringify(value).replaceAll('"#/$defs/', `"${COMPONENTS_PATH}`)) as JsonSchema;
  for (const [id, def] of Object.entries(defs)) {
    const { id: _id, ...body } = moved(def);
    components[id] ??= body;
  }
  return moved(json);
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

const headerRef = (name: string) => ({ $ref: `#/components/headers/${name}` });
const responseRef = (name: string) => ({ $ref: `#/components/responses/${name}` });
const parameterRef = (name: string) => ({ $ref: `#/components/parameters/${name}` });

/** The request headers operations share, written once under `components.parameters`. */
const HEADER_PARAMETERS: Record<string, JsonSchema> = {
  'Idempotency-Key': {
    name: 'Idempotency-Key',
    in: 'header',
    required: false,
    description: 'Replays the first response to the same request for 24 hours.',
    schema: { type: 'string', minLength: 1, maxLength: 255 },
  },
  'If-Match': {
    name: 'If-Match',
    in: 'header',
    required: false,
    description: 'Answer 412 unless the resource still has this ETag.',
    schema: { type: 'string' },
  },
  'If-None-Match': {
    name: 'If-None-Match',
    in: 'header',
    required: false,
    schema: { type: 'string' },
  },
};
const errorResponseName = (status: string) => `Error${status}`;

function operationOf(route: RestRoute, components: Record<string, JsonSchema>): JsonSchema {
  const success: JsonSchema = {
    description: route.status === 201 ? 'Created.' : route.status === 204 ? 'Done.' : 'OK.',
    headers: {
      ...Object.fromEntries(Object.keys(RATE_LIMIT_HEADERS).map((name) => [name, headerRef(name)])),
      ...(route.method === 'GET' && { ETag: headerRef('ETag') }),
      ...(route.location && { Location: headerRef('Location') }),
    },
    ...(route.response && {
      content: {
        'application/json': {
          schema: referencingSchemaOf(route.response, 'output', components),
        },
      },
    }),
  };
  const responses: Record<string, JsonSchema> = { [String(route.status)]: success };
  // A tag that covers only part of the body never answers 304 (docs/api.md#etags).
  if (route.method === 'GET' && !route.etagCovers) responses['304'] = responseRef('NotModified');
  for (const status of Object.keys(ERROR_RESPONSES)) {
    responses[status] = responseRef(errorResponseName(status));
  }
  const headers: JsonSchema[] = [];
  if (route.method === 'POST') headers.push(parameterRef('Idempotency-Key'));
  if (route.current) headers.push(parameterRef('If-Match'));
  if (route.method === 'GET') headers.push(parameterRef('If-None-Match'));
  return {
    operationId: route.operationId,
    summary: route.summary,
    tags: [route.tag],
    'x-watchpost-scope': route.scope,
    parameters: [...parametersOf(route), ...headers],
    ...(route.body && { requestBody: requestBodyOf(route, route.body, components) }),
    responses,
  };
}

function requestBodyOf(
  route: RestRoute,
  body: z.ZodType,
  components: Record<string, JsonSchema>,
): JsonSchema {
  const schema = referencingSchemaOf(route.documentedBody ?? body, 'input', components);
  const ref = schema['$ref'];
  if (typeof ref === 'string' && ref.startsWith(COMPONENTS_PATH)) {
    // A named body's component lists its fields; which are required is the operation's to
    // say, beside the $ref (JSON Schema 2020-12 allows it), so PATCH can share it.
    const component = components[ref.slice(COMPONENTS_PATH.length)] as JsonSchema;
    if (component['required'] !== undefined) {
      component['x-required'] = component['required'];
      delete component['required'];
    }
    if (route.method !== 'PATCH' && component['x-required'] !== undefined) {
      schema['required'] = component['x-required'];
    }
  } else if (route.method === 'PATCH') {
    // A PATCH names only the fields it changes: every field is optional there.
    delete schema['required'];
  }
  return { required: true, content: { 'application/json': { schema } } };
}

/** The OpenAPI 3.1 document of `/api/v1`, built from the same route table Fastify serves. */
export function buildOpenApiDocument(routes: readonly RestRoute[]): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  const schemas: Record<string, JsonSchema> = { Error: jsonSchemaOf(ERROR_SCHEMA, 'output') };
  for (const route of routes) {
    const item = (paths[route.path] ??= {});
    item[route.method.toLowerCase()] = operationOf(route, schemas);
  }
  for (const schema of Object.values(schemas)) delete schema['x-required'];
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
      schemas,
      responses: {
        NotModified: { description: 'Not modified (If-None-Match).' },
        ...Object.fromEntries(
          Object.entries(ERROR_RESPONSES).map(([status, description]) => [
            errorResponseName(status),
            {
              description,
              content: { 'application/json': { schema: { $ref: `${COMPONENTS_PATH}Error` } } },
            },
          ]),
        ),
      },
      parameters: HEADER_PARAMETERS,
      headers: {
        ...RATE_LIMIT_HEADERS,
        ETag: { schema: { type: 'string' } },
        Location: { schema: { type: 'string' } },
      },
    },
  };
}
