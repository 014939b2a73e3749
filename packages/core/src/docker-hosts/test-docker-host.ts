import type { ServiceContext } from '../services/service-context.js';
import type { DockerHostInput } from './docker-host-wire.js';
import { probeDockerDaemon } from './probe-docker-daemon.js';

/** A probe's outcome: Kuma's success text, or the network's own error text. */
export type DockerHostTestResult =
  { connected: true; msg: string } | { connected: false; error: string };

/**
 * `testDockerHost` (docs/protocol/docker-hosts.md#testdockerhost): a real request to the (unsaved) daemon given. An unreachable
 * daemon is an answer, not a failure of the call (architecture rule 5).
 */
export async function testDockerHost(
  ctx: ServiceContext,
  host: Pick<DockerHostInput, 'dockerType' | 'dockerDaemon'>,
): Promise<DockerHostTestResult> {
  try {
    return { connected: true, msg: await probeDockerDaemon(host, ctx.egress) };
  } catch (error) {
    return { connected: false, error: error instanceof Error ? error.message : String(error) };
  }
}
