import type { InstancePolicy, ServicePorts } from '@watchpost/core/services';
import type { ApiServer } from './socket-types.js';

/** What socket handlers may use; built once per API node by startApi. */
export interface RealtimeDeps extends ServicePorts {
  io: ApiServer;
  jwtSecret: string;
  /** What tenants may do to the instance itself (setup, database maintenance). */
  instance: InstancePolicy;
  /** Read the client's address from `X-Forwarded-For` (TRUST_PROXY, see client-address.ts). */
  trustProxy: boolean;
}
