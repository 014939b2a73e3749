import type { ApiKeyScope } from './api-key-scope.js';

/** A stored key as a listing sees it: never the secret or its hash. */
export interface ApiKey {
  id: number;
  tenantId: number;
  /** The key's creator, who its sessions act as. */
  userId: number;
  name: string;
  scope: ApiKeyScope;
  active: boolean;
  /** Verbatim local date-time text as submitted; null = never. */
  expires: string | null;
  /** The instant `expires` names. */
  expiresAt: Date | null;
  createdAt: Date;
  lastUsedAt: Date | null;
}
