import { Client } from 'undici';
import { createEgressConnector } from '../egress/egress-connect.js';
import { assertUnixSocketAllowed, type EgressPolicy } from '../egress/egress-policy.js';
import type { DockerHostInput } from './docker-host-wire.js';

/** An unanswering daemon must not hold the user's dialog open for long. */
const TEST_TIMEOUT_MS = 10_000;

const NOT_DOCKER_MSG = 'Invalid Docker response, is it Docker really a daemon?';

/**
 * `testDockerHost`'s probe (docs/protocol/docker-hosts.md): one real `GET /containers/json?all=true` against the
 * daemon. Answers Kuma's success text, or throws an Error whose message is the network
 * error's own text (clients match `connect ENOENT /var/run/docker.sock`).
 */
export async function probeDockerDaemon(
  host: Pick<DockerHostInput, 'dockerType' | 'dockerDaemon'>,
  egress: EgressPolicy,
): Promise<string> {
  let client: Client;
  if (host.dockerType === 'socket') {
    // A socket is on the API node itself: never a tenant's daemon in a hosted deployment.
    assertUnixSocketAllowed(egress, host.dockerDaemon);
    client = new Client('http://localhost', {
      socketPath: host.dockerDaemon,
      connectTimeout: TEST_TIMEOUT_MS,
    });
  } else {
    client = new Client(daemonOrigin(host.dockerDaemon), {
      connect: createEgressConnector(egress, { timeout: TEST_TIMEOUT_MS }),
    });
  }
  try {
    const response = await client.request({
      path: `${daemonBasePath(host)}/containers/json?all=true`,
      method: 'GET',
      headersTimeout: TEST_TIMEOUT_MS,
      bodyTimeout: TEST_TIMEOUT_MS,
    });
    let containers: unknown;
    try {
      containers = await response.body.json();
    } catch {
      throw new Error(NOT_DOCKER_MSG);
    }
    if (!Array.isArray(containers)) throw new Error(NOT_DOCKER_MSG);
    return containers.length > 0
      ? `Connected Successfully. Amount of containers: ${containers.length}`
      : 'Connected Successfully, but there are no containers?';
  } finally {
    await client.close().catch(() => undefined);
  }
}

/** Kuma rewrites `tcp://` to `http://`; a daemon URL may carry a path prefix. */
function daemonUrl(daemon: string): URL {
  const text = daemon.replace(/^tcp:\/\//i, 'http://');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`Invalid URL: ${daemon}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`Unsupported protocol ${url.protocol}`);
  }
  return url;
}

function daemonOrigin(daemon: string): string {
  return daemonUrl(daemon).origin;
}

function daemonBasePath(host: Pick<DockerHostInput, 'dockerType' | 'dockerDaemon'>): string {
  if (host.dockerType === 'socket') return '';
  return daemonUrl(host.dockerDaemon).pathname.replace(/\/+$/, '');
}
