import { ownedIdOrNullSchema, ownedIdSchema } from '@watchpost/core';
import type { Kysely } from 'kysely';
import { AppError, dockerHostInputSchema, type DockerHostJson } from '@watchpost/core';
import { dockerHostRepository, testDockerHost, type Database } from '@watchpost/core/db';
import { tenantRoom } from '@watchpost/core/realtime';
import { defineHandler, failure, type SocketHandler } from './define-handler.js';
import { loadMonitorList } from '@watchpost/core/services';
import type { RealtimeDeps } from './realtime-deps.js';

// Literal texts of spec §3.5 / §9.2; "not found" also answers another tenant's id.
const SAVED_MSG = 'Saved';
const DELETED_MSG = 'Deleted';
export const DOCKER_HOST_NOT_FOUND_MSG = 'docker host not found';
const INVALID_DOCKER_HOST_ID_MSG = 'Invalid docker host ID.';

export const dockerHostHandlers: readonly SocketHandler[] = [
  // Spec §3.5: dockerHostList to the room, then the ack.
  defineHandler(
    'addDockerHost',
    [dockerHostInputSchema, ownedIdOrNullSchema(INVALID_DOCKER_HOST_ID_MSG)],
    async ({ deps, session }, [input, id]) => {
      const { tenantId } = session;
      const saved = await dockerHostRepository.saveDockerHost(
        deps.db,
        tenantId,
        session.userId,
        id,
        input,
      );
      if (saved === undefined) throw new AppError('not-found', DOCKER_HOST_NOT_FOUND_MSG);
      await pushDockerHostList(deps, tenantId);
      return { ok: true, msg: SAVED_MSG, id: saved };
    },
  ),

  // Spec §3.5: monitors that named it get docker_host = null; push, then ack.
  defineHandler(
    'deleteDockerHost',
    [ownedIdSchema(INVALID_DOCKER_HOST_ID_MSG)],
    async ({ deps, session }, [id]) => {
      const { tenantId } = session;
      const deleted = await dockerHostRepository.deleteDockerHost(deps.db, tenantId, id);
      if (!deleted) throw new AppError('not-found', DOCKER_HOST_NOT_FOUND_MSG);
      await pushDockerHostList(deps, tenantId);
      if (deleted.unlinkedMonitorCount > 0) {
        const list = await loadMonitorList(deps.db, tenantId);
        deps.io.to(tenantRoom(tenantId)).emit('monitorList', list);
      }
      return { ok: true, msg: DELETED_MSG };
    },
  ),

  // Spec §3.5: a real request to the daemon given (unsaved); the network's own error text.
  defineHandler('testDockerHost', [dockerHostInputSchema], async (_ctx, [host]) => {
    try {
      return { ok: true, msg: await testDockerHost(host) };
    } catch (error) {
      return failure(error instanceof Error ? error.message : String(error));
    }
  }),
];

/** Spec §5.7: the tenant's docker hosts; sent to its own room only. */
export async function loadDockerHostList(
  db: Kysely<Database>,
  tenantId: number,
): Promise<DockerHostJson[]> {
  return dockerHostRepository.listDockerHosts(db, tenantId);
}

async function pushDockerHostList(deps: RealtimeDeps, tenantId: number): Promise<void> {
  const list = await loadDockerHostList(deps.db, tenantId);
  deps.io.to(tenantRoom(tenantId)).emit('dockerHostList', list);
}
