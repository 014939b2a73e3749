import type { Generated, Selectable } from 'kysely';

/** `docker_hosts` (migrations/0014). */
export interface DockerHostsTable {
  id: Generated<number>;
  tenant_id: number;
  /** The creator (the wire's `userID`); null once that user is deleted. */
  user_id: number | null;
  name: string;
  docker_type: string;
  docker_daemon: string;
}

export type DockerHostRow = Selectable<DockerHostsTable>;
