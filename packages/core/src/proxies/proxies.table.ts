import type { ColumnType, Generated, Selectable } from 'kysely';

/** `proxies` (migrations/0014). */
export interface ProxiesTable {
  id: Generated<number>;
  tenant_id: number;
  /** The creator (the wire's `userId`); null once that user is deleted. */
  user_id: number | null;
  protocol: string;
  host: string;
  port: number;
  auth: Generated<boolean>;
  username: string | null;
  password: string | null;
  active: Generated<boolean>;
  is_default: Generated<boolean>;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export type ProxyRow = Selectable<ProxiesTable>;
