import { describe, expect, it } from 'vitest';
import type { ApiKey } from './api-key.js';
import { toApiKeyJson } from './api-key-wire.js';

const NOW = new Date('2030-06-01T12:00:00Z');

function makeKey(overrides: Partial<ApiKey> = {}): ApiKey {
  return {
    id: 3,
    tenantId: 1,
    userId: 7,
    name: 'grafana',
    scope: 'write',
    active: true,
    expires: null,
    expiresAt: null,
    createdAt: new Date('2030-01-02T03:04:05.678Z'),
    lastUsedAt: null,
    ...overrides,
  };
}

describe('toApiKeyJson', () => {
  it('has the docs/protocol/api-keys.md#api-key-object fields with their wire types, plus scope and lastUsedDate', () => {
    expect(toApiKeyJson(makeKey(), NOW)).toEqual({
      id: 3,
      name: 'grafana',
      userID: 7,
      createdDate: '2030-01-02 03:04:05',
      active: 1,
      expires: null,
      status: 'active',
      scope: 'write',
      lastUsedDate: null,
    });
  });

  it('returns expires verbatim and reports inactive and expired keys', () => {
    const future = { expires: '2031-01-01 00:00', expiresAt: new Date('2031-01-01T00:00:00Z') };
    const past = { expires: '2030-01-01 00:00:00', expiresAt: new Date('2030-01-01T00:00:00Z') };
    expect(toApiKeyJson(makeKey({ ...future, active: false }), NOW)).toMatchObject({
      expires: '2031-01-01 00:00',
      active: 0,
      status: 'inactive',
    });
    expect(toApiKeyJson(makeKey({ ...past, active: false }), NOW).status).toBe('expired');
    expect(toApiKeyJson(makeKey(past), NOW).status).toBe('expired');
  });

  it('formats the last use', () => {
    const row = makeKey({ lastUsedAt: new Date('2030-05-31T23:59:58Z'), scope: 'read' });
    expect(toApiKeyJson(row, NOW)).toMatchObject({
      lastUsedDate: '2030-05-31 23:59:58',
      scope: 'read',
    });
  });
});
