import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from './openapi-document.js';
import { restRoutes } from './rest-routes.js';

// The document writes each shared schema, response and header once and refers to it.

type Json = Record<string, unknown>;
const document = buildOpenApiDocument(restRoutes({ endApiKeySessions: async () => undefined }));
const paths = document['paths'] as Record<string, Record<string, Json>>;
const components = document['components'] as Record<string, Record<string, Json>>;

function refsIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) refsIn(item, found);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (key === '$ref' && typeof item === 'string') found.push(item);
      else refsIn(item, found);
    }
  }
  return found;
}

const bodySchema = (path: string, method: string) =>
  (paths[path]?.[method]?.['requestBody'] as { content: Record<string, { schema: Json }> }).content[
    'application/json'
  ]!.schema;

describe('the OpenAPI document', () => {
  it('resolves every $ref to a component', () => {
    const refs = refsIn(document);
    expect(refs.length).toBeGreaterThan(100);
    for (const ref of new Set(refs)) {
      const [, kind, name] = /^#\/components\/(\w+)\/(.+)$/.exec(ref) ?? [];
      expect(components[kind as string]?.[name as string], ref).toBeDefined();
    }
  });

  it('writes the monitor input once, required fields per operation, none for PATCH', () => {
    const ref = { $ref: '#/components/schemas/MonitorInput' };
    expect(bodySchema('/monitors', 'post')).toMatchObject({
      ...ref,
      required: expect.arrayContaining(['type', 'name']),
    });
    expect(bodySchema('/monitors/{id}', 'put')).toMatchObject(ref);
    expect(bodySchema('/monitors/{id}', 'patch')).toEqual(ref);
    expect(components['schemas']?.['MonitorInput']).not.toHaveProperty('required');
    expect(JSON.stringify(document).split('"dns_resolve_server"')).toHaveLength(2);
  });

  it('refers to the shared error responses and headers instead of repeating them', () => {
    for (const item of Object.values(paths)) {
      for (const operation of Object.values(item)) {
        const responses = operation['responses'] as Record<string, Json>;
        for (const [status, response] of Object.entries(responses)) {
          if (Number(status) >= 400)
            expect(response).toEqual({ $ref: `#/components/responses/Error${status}` });
        }
      }
    }
    expect(JSON.stringify(paths)).not.toContain('Requests per window.');
  });
});
