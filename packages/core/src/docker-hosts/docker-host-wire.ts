import { z } from 'zod';
import type { DockerHostRow } from './docker-hosts.table.js';

/** Spec §5.7: how the daemon is reached. */
export const DOCKER_TYPES = ['socket', 'tcp'] as const;
export type DockerType = (typeof DOCKER_TYPES)[number];

/**
 * `addDockerHost` / `testDockerHost` input (spec §5.7). Extra keys (the Python client sends
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

/** Spec §5.7; note `userID` with a capital D, unlike proxies (§9.4). */
export interface DockerHostJson {
  id: number;
  userID: number | null;
  dockerDaemon: string;
  dockerType: string;
  name: string;
}

export function toDockerHostJson(row: DockerHostRow): DockerHostJson {
  return {
    id: row.id,
    userID: row.user_id,
    dockerDaemon: row.docker_daemon,
    dockerType: row.docker_type,
    name: row.name,
  };
}
