import type { ServiceContext } from '../services/service-context.js';
import { listDockerHosts } from './list-docker-hosts.js';

/** Sends the tenant's `dockerHostList` (docs/protocol/docker-hosts.md#docker-host-object) to its room, after a change to its hosts. */
export async function pushDockerHostList(ctx: ServiceContext): Promise<void> {
  ctx.events.emit(ctx.tenantId, 'dockerHostList', await listDockerHosts(ctx));
}
