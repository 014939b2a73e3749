import { expect } from 'vitest';
import { DATETIME, fail, ok, okMsg, type Step } from '../conformance-step.js';
import type { World } from '../conformance-world.js';
import { tenantRows } from '../read-back.js';

// docs/protocol/api-keys.md. Upstream answers ok:true for ids that are not the caller's (docs/protocol/compatibility.md#what-the-python-client-does-itself lets a server
// refuse); Watchpost refuses with one text for missing and foreign ids alike.

const NOT_FOUND = 'API key not found.';

const keyId = (w: World) => w.saved['apiKey'] as number;
const allKeys = (w: World) => tenantRows(w, 'api_keys');

/** docs/protocol/api-keys.md#api-key-object: an apiKeyList entry (the hash never appears). */
const listEntry = (w: World, active: 0 | 1) => ({
  id: keyId(w),
  name: 'alpha-key',
  userID: w.alice.userId,
  createdDate: expect.stringMatching(DATETIME),
  active,
  expires: '2099-12-31 23:59:59',
  status: active ? 'active' : 'inactive',
});

function pushedKeys(push: (event: string) => unknown[]): Record<string, unknown>[] {
  return push('apiKeyList')[0] as Record<string, unknown>[];
}

/** Bob tries tenant A's key id with every id-taking event of docs/protocol/api-keys.md. */
function strangerSteps(): Step[] {
  return ['enableAPIKey', 'disableAPIKey', 'deleteAPIKey'].map((event) => ({
    event,
    title: 'another tenant’s key id is not found',
    as: 'b',
    args: (w) => [keyId(w)],
    ack: fail(NOT_FOUND),
    unchanged: allKeys,
  }));
}

export function apiKeySteps(): Step[] {
  return [
    {
      event: 'addAPIKey',
      title: 'creates; apiKeyList before the ack with the only copy of the key',
      args: () => [{ name: 'alpha-key', expires: '2099-12-31 23:59:59', active: 1 }],
      ack: okMsg('Added Successfully.', {
        key: expect.stringMatching(/^uk\d+_[A-Za-z0-9_-]{40}$/),
        keyID: expect.any(Number),
      }),
      before: ['apiKeyList'],
      readBack: async (w, { ack, push }) => {
        const { key, keyID } = ack as { key: string; keyID: number };
        w.saved['apiKey'] = keyID;
        expect(key.startsWith(`uk${keyID}_`)).toBe(true);
        const [entry] = pushedKeys(push);
        expect(entry).toMatchObject(listEntry(w, 1));
        expect(JSON.stringify(entry)).not.toContain(key.slice(`uk${keyID}_`.length));
      },
    },
    {
      event: 'addAPIKey',
      title: 'an expiry that is not a date-time',
      args: () => [{ name: 'bad', expires: 'tomorrow', active: 1 }],
      ack: fail('Expiry must be a date-time like "2030-12-31 23:59:59", or null.'),
      unchanged: allKeys,
    },
    {
      event: 'getAPIKeyList',
      title: 'pushes apiKeyList, then acks',
      args: () => [],
      ack: ok(),
      before: ['apiKeyList'],
      readBack: async (w, { push }) => {
        expect(pushedKeys(push)).toMatchObject([listEntry(w, 1)]);
      },
    },
    {
      event: 'getAPIKeyList',
      title: 'not logged in',
      as: 'anon',
      args: () => [],
      ack: fail('You are not logged in.'),
    },
    ...strangerSteps(),
    {
      event: 'disableAPIKey',
      title: 'acks, then pushes apiKeyList',
      args: (w) => [keyId(w)],
      ack: okMsg('Disabled Successfully.'),
      after: ['apiKeyList'],
      readBack: async (w, { push }) => {
        expect(pushedKeys(push)).toMatchObject([listEntry(w, 0)]);
      },
    },
    {
      event: 'disableAPIKey',
      title: 'unknown id',
      args: () => [987_654],
      ack: fail(NOT_FOUND),
      unchanged: allKeys,
    },
    {
      event: 'enableAPIKey',
      title: 'acks "Enabled Successfully" (no full stop), then pushes apiKeyList',
      args: (w) => [keyId(w)],
      ack: okMsg('Enabled Successfully'),
      after: ['apiKeyList'],
      readBack: async (w, { push }) => {
        expect(pushedKeys(push)).toMatchObject([listEntry(w, 1)]);
      },
    },
    {
      event: 'enableAPIKey',
      title: 'an id that is not a number',
      args: () => ['abc'],
      ack: fail('Invalid API key ID.'),
      unchanged: allKeys,
    },
    {
      event: 'deleteAPIKey',
      title: 'acks, then pushes apiKeyList',
      args: (w) => [keyId(w)],
      ack: okMsg('Deleted Successfully.'),
      after: ['apiKeyList'],
      readBack: async (_w, { push }) => expect(pushedKeys(push)).toEqual([]),
    },
    {
      event: 'deleteAPIKey',
      title: 'an id that is gone',
      args: (w) => [keyId(w)],
      ack: fail(NOT_FOUND),
      unchanged: allKeys,
    },
  ];
}
