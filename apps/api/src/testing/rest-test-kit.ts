import { expect } from 'vitest';
import { apiKeyRepository, type NewApiKey } from '@watchpost/core/db';
import type { ApiTestContext, TestUser } from './api-test-context.js';

/** A tenant as the REST tests see it: its admin and a credential of each kind. */
export interface RestTenant {
  user: TestUser;
  writeKey: string;
  readKey: string;
  /** A login token (JWT) from a real Socket.IO login. */
  token: string;
}

export async function createRestTenant(ctx: ApiTestContext, username: string): Promise<RestTenant> {
  const user = await ctx.createUser(username);
  const key = (scope: NewApiKey['scope']) =>
    apiKeyRepository.createApiKey(ctx.db, user.tenantId, user.userId, {
      name: `${scope} key`,
      expires: null,
      expiresAt: null,
      active: true,
      scope,
    });
  const client = await ctx.connect();
  const token = await client.login(user);
  client.close();
  return { user, writeKey: (await key('write')).key, readKey: (await key('read')).key, token };
}

export interface RestResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON, or null for an empty body; tests read into it freely and assert. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON of many shapes, checked by the tests' own expectations
  body: any;
}

/** One real HTTP request to `/api/v1`. */
export async function rest(
  baseUrl: string,
  method: string,
  path: string,
  {
    credential,
    body,
    headers = {},
  }: { credential?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<RestResponse> {
  const response = await fetch(`${baseUrl}/api/v1${path}`, {
    method,
    headers: {
      ...(credential !== undefined && { authorization: `Bearer ${credential}` }),
      ...(body !== undefined && { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text === '' ? null : JSON.parse(text),
  };
}

/** Asserts the one error shape of docs/api.md#errors. */
export function expectRestError(response: RestResponse, status: number, code: string): void {
  expect({ status: response.status, code: response.body?.error?.code }).toEqual({ status, code });
  expect(typeof response.body.error.message).toBe('string');
}
