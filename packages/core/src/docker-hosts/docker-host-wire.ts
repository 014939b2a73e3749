import { z } from 'zod';
import type { DockerHost } from './docker-host.js';

/** docs/protocol/docker-hosts.md#docker-host-object: how the daemon is reached. */
export const DOCKER_TYPES = ['socket', 'tcp'] as const;

/**
 * `addDockerHost` / `testDockerHost` input (docs/protocol/docker-hosts.md#docker-host-object). Extra keys (the Python client sends
 * back the fetched row with `id` and `userID`) are ignored.
 */
export const dockerHostInputSchema = z.object({
  name: z
    .string({ message: 'Docker host name is required.' })
    .trim()
    .min(1, 'Docker host name is required.')
    .max(255, 'Docker host name is too long.'),
  dockerType: z.enum(DOCKER_TYPES, { message: 'Docker type must be "socket" or "tcp".' }),
  dockerDaemon: z
    .string({ message: 'Docker daemon is required.' })
    .trim()
    .min(1, 'Docker daemon is required.')
    .max(1024, 'Docker daemon is too long.'),
});
export type DockerHostInput = z.output<typeof dockerHostInputSchema>;

/** docs/protocol/docker-hosts.md#docker-host-object; note `userID` with a capital D, unlike proxies (docs/protocol/compatibility.md#field-names-that-differ). */
export interface DockerHostJson {
  id: number;
  userID: number | null;
  dockerDaemon: string;
  dockerType: string;
  name: string;
}

export function toDockerHostJson(host: DockerHost): DockerHostJson {
  return {
    id: host.id,
    userID: host.userId,
    dockerDaemon: host.dockerDaemon,
    dockerType: host.dockerType,
    name: host.name,
  };
}

// docs/protocol/docker-hosts.md: "not found" also answers another tenant's id, so ids cannot be probed.
export const DOCKER_HOST_NOT_FOUND_MSG = 'docker host not found';
