/**
 * What tenants may do to the instance itself, which depends on who runs it: the one owner of
 * an embedded instance may do anything; in a multi-tenant deployment the instance is the
 * operator's (docs/protocol/settings.md#instance-operations-in-a-multi-tenant-deployment).
 */
export interface InstancePolicy {
  /** `setup` over the socket may create the first tenant (docs/protocol/authentication.md#setup). */
  publicSetup: boolean;
  /** `getDatabaseSize` and `shrinkDatabase` act on the whole shared database. */
  databaseOperations: boolean;
}

export const PUBLIC_SETUP_DISABLED_MSG =
  'Setup is disabled on this multi-tenant instance: the operator creates tenants with the admin CLI (create-tenant).';
export const OPERATOR_ONLY_MSG =
  'The database is shared by every tenant of this instance: only the operator can measure or shrink it.';
