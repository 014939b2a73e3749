import { AppError } from '../errors/app-error.js';
import { pushMonitorList } from '../monitors/push-monitor-list.js';
import type { ServiceContext } from '../services/service-context.js';
import * as dockerHostRepository from './docker-host-repository.js';
import { DOCKER_HOST_NOT_FOUND_MSG } from './docker-host-wire.js';
import { pushDockerHostList } from './push-docker-host-list.js';

/**
 * `deleteDockerHost` (docs/protocol/docker-hosts.md#deletedockerhost): the tenant's monitors that named it get docker_host = null;
 * then dockerHostList (and monitorList when a monitor changed) to the room.
 */
export async function deleteDockerHost(ctx: ServiceContext, id: number): Promise<void> {
  const deleted = await dockerHostRepository.deleteDockerHost(ctx.db, ctx.tenantId, id);
  if (!deleted) throw new AppError('not-found', DOCKER_HOST_NOT_FOUND_MSG);
  await pushDockerHostList(ctx);
  if (deleted.unlinkedMonitorCount > 0) await pushMonitorList(ctx);
}
