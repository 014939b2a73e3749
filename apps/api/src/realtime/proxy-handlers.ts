import { ownedIdOrNullSchema, ownedIdSchema, proxyInputSchema } from '@watchpost/core';
import { deleteProxy, saveProxy } from '@watchpost/core/services';
import { defineHandler, type SocketHandler } from './define-handler.js';

// Literal texts of docs/protocol/proxies.md / docs/protocol/compatibility.md#literal-strings.
const SAVED_MSG = 'Saved';
const DELETED_MSG = 'Deleted';
const INVALID_PROXY_ID_MSG = 'Invalid proxy ID.';

export const proxyHandlers: readonly SocketHandler[] = [
  // docs/protocol/proxies.md: the pushes go out before the ack.
  defineHandler(
    'addProxy',
    [proxyInputSchema, ownedIdOrNullSchema(INVALID_PROXY_ID_MSG)],
    async ({ service }, [input, id]) => {
      const saved = await saveProxy(service, input, id);
      return { ok: true, msg: SAVED_MSG, id: saved.id };
    },
  ),

  defineHandler('deleteProxy', [ownedIdSchema(INVALID_PROXY_ID_MSG)], async ({ service }, [id]) => {
    await deleteProxy(service, id);
    return { ok: true, msg: DELETED_MSG };
  }),
];
