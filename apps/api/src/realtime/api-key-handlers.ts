import { ownedIdSchema } from '@watchpost/core';
import {
  addApiKey,
  deleteApiKey,
  disableApiKey,
  enableApiKey,
  INVALID_API_KEY_ID_MSG,
  newApiKeySchema,
  pushApiKeyList,
} from '@watchpost/core/services';
import { defineHandler, Reply, type SocketHandler } from './define-handler.js';
import { endApiKeySessions } from './session.js';

// Literal texts of docs/protocol/api-keys.md / docs/protocol/compatibility.md#literal-strings (note: no full stop after "Enabled Successfully").
const ADDED_MSG = 'Added Successfully.';
const ENABLED_MSG = 'Enabled Successfully';
const DISABLED_MSG = 'Disabled Successfully.';
const DELETED_MSG = 'Deleted Successfully.';

const keyIdSchema = ownedIdSchema(INVALID_API_KEY_ID_MSG);

export const apiKeyHandlers: readonly SocketHandler[] = [
  // docs/protocol/api-keys.md: apiKeyList to the room, then the ack with the clear key (its only appearance).
  defineHandler('addAPIKey', [newApiKeySchema], async ({ service }, [input]) => {
    const created = await addApiKey(service, input);
    return { ok: true, msg: ADDED_MSG, key: created.key, keyID: created.id };
  }),

  // docs/protocol/api-keys.md: push, then ack.
  defineHandler('getAPIKeyList', [], async ({ service }) => {
    await pushApiKeyList(service);
    return { ok: true };
  }),

  // docs/protocol/api-keys.md: ack, then push.
  defineHandler('enableAPIKey', [keyIdSchema], async ({ service }, [keyId]) => {
    const { publish } = await enableApiKey(service, keyId);
    return Reply.of({ ok: true, msg: ENABLED_MSG }, publish);
  }),

  defineHandler('disableAPIKey', [keyIdSchema], async ({ deps, service }, [keyId]) => {
    const { publish } = await disableApiKey(service, keyId);
    return Reply.of({ ok: true, msg: DISABLED_MSG }, async () => {
      await publish();
      await endApiKeySessions(deps.io, service.tenantId, keyId);
    });
  }),

  defineHandler('deleteAPIKey', [keyIdSchema], async ({ deps, service }, [keyId]) => {
    const { publish } = await deleteApiKey(service, keyId);
    return Reply.of({ ok: true, msg: DELETED_MSG }, async () => {
      await publish();
      await endApiKeySessions(deps.io, service.tenantId, keyId);
    });
  }),
];
