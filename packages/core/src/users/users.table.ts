import type { Generated, Selectable } from 'kysely';
import type { GeneratedTimestamp } from '../db/column-types.js';

export interface UsersTable {
  id: Generated<number>;
  tenant_id: number;
  username: string;
  password_hash: string;
  active: Generated<boolean>;
  timezone: string | null;
  twofa_secret: string | null;
  twofa_status: Generated<boolean>;
  twofa_last_token: string | null;
  login_token_version: Generated<number>;
  created_at: GeneratedTimestamp;
}

export type UserRow = Selectable<UsersTable>;
