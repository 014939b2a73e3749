/** A docker host as the domain sees it (docs/protocol/docker-hosts.md#docker-host-object): how a docker monitor reaches its daemon. */
export interface DockerHost {
  id: number;
  tenantId: number;
  /** Who created it; null once that user is deleted. */
  userId: number | null;
  name: string;
  /** `socket` or `tcp` (DOCKER_TYPES); stored as sent. */
  dockerType: string;
  dockerDaemon: string;
}
