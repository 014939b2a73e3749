import type { ApiKeyScope } from '../api-keys/api-key-scope.js';
import type { User } from '../users/user.js';

/** Who a login acts as: a user of one tenant, or an API key acting as its creator. */
export interface LoginIdentity {
  userId: number;
  tenantId: number;
  username: string;
  /** `write` for a password or JWT login; an API key login gets the key's scope. */
  scope: ApiKeyScope;
  /** The key an API key login used; null for a password or JWT login. */
  apiKeyId: number | null;
  /** When the API key of an API key login expires; null for other logins and keys that never do. */
  apiKeyExpiresAt: Date | null;
}

/** A password or JWT login: the user's tenant, allowed to change everything. */
export function identityOfUser(user: User): LoginIdentity {
  return {
    userId: user.id,
    tenantId: user.tenantId,
    username: user.username,
    scope: 'write',
    apiKeyId: null,
    apiKeyExpiresAt: null,
  };
}
