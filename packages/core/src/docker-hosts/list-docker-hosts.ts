import type { ServiceContext } from '../services/service-context.js';
import * as dockerHostRepository from './docker-host-repository.js';
import { toDockerHostJson, type DockerHostJson } from './docker-host-wire.js';

/** docs/protocol/docker-hosts.md#docker-host-object: the tenant's docker hosts; for its own room only. */
export async function listDockerHosts(ctx: ServiceContext): Promise<DockerHostJson[]> {
  return (await dockerHostRepository.listDockerHosts(ctx.db, ctx.tenantId)).map(toDockerHostJson);
}
