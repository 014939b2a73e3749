import { dockerHostInputSchema, ownedIdOrNullSchema, ownedIdSchema } from '@watchpost/core';
import { deleteDockerHost, saveDockerHost, testDockerHost } from '@watchpost/core/services';
import { defineHandler, failure, type SocketHandler } from './define-handler.js';

// Literal texts of docs/protocol/docker-hosts.md / docs/protocol/compatibility.md#literal-strings.
const SAVED_MSG = 'Saved';
const DELETED_MSG = 'Deleted';
const INVALID_DOCKER_HOST_ID_MSG = 'Invalid docker host ID.';

export const dockerHostHandlers: readonly SocketHandler[] = [
  // docs/protocol/docker-hosts.md: the pushes go out before the ack.
  defineHandler(
    'addDockerHost',
    [dockerHostInputSchema, ownedIdOrNullSchema(INVALID_DOCKER_HOST_ID_MSG)],
    async ({ service }, [input, id]) => {
      const saved = await saveDockerHost(service, input, id);
      return { ok: true, msg: SAVED_MSG, id: saved.id };
    },
  ),

  defineHandler(
    'deleteDockerHost',
    [ownedIdSchema(INVALID_DOCKER_HOST_ID_MSG)],
    async ({ service }, [id]) => {
      await deleteDockerHost(service, id);
      return { ok: true, msg: DELETED_MSG };
    },
  ),

  // docs/protocol/docker-hosts.md: the network's own error text on failure.
  defineHandler('testDockerHost', [dockerHostInputSchema], async ({ service }, [host]) => {
    const result = await testDockerHost(service, host);
    return result.connected ? { ok: true, msg: result.msg } : failure(result.error);
  }),
];
