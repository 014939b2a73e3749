import type { ServicePorts } from '../services/service-context.js';

/**
 * What the login services use. Unlike a ServiceContext it has no tenant scope: finding out
 * which tenant the caller belongs to is what a login does. Only the database is needed, so
 * the admin CLI and HTTP routes can call them without the realtime ports.
 */
export type UnscopedContext = Pick<ServicePorts, 'db'>;

/** An unscoped context that also signs and checks login tokens. */
export interface LoginContext extends UnscopedContext {
  jwtSecret: string;
}
