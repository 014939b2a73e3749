import { AppError } from '../errors/app-error.js';
import type { ServiceContext } from '../services/service-context.js';
import * as dockerHostRepository from './docker-host-repository.js';
import { DOCKER_HOST_NOT_FOUND_MSG, type DockerHostInput } from './docker-host-wire.js';
import { pushDockerHostList } from './push-docker-host-list.js';

/**
 * `addDockerHost` (docs/protocol/docker-hosts.md#adddockerhost): creates when `id` is null, else updates the tenant's host; then
 * dockerHostList to the room. Answers the host's id.
 */
export async function saveDockerHost(
  ctx: ServiceContext,
  input: DockerHostInput,
  id: number | null,
): Promise<{ id: number }> {
  const { db, tenantId } = ctx;
  const saved = await dockerHostRepository.saveDockerHost(db, tenantId, ctx.userId, id, input);
  if (saved === undefined) throw new AppError('not-found', DOCKER_HOST_NOT_FOUND_MSG);
  await pushDockerHostList(ctx);
  return { id: saved };
}
