import type { Kysely } from 'kysely';
import type { Database } from '@watchpost/core/db';

/**
 * The login-burst lists of features that arrive with later issues (spec §2.5 steps 3–8).
 * Each is its own loader so that issue replaces one function. The Python client waits for
 * every one of these pushes after login, so they are sent empty rather than left out.
 */
type TenantListLoader<T> = (db: Kysely<Database>, tenantId: number) => Promise<T>;

/** Spec §5.9: object keyed by maintenance id. */
export const loadMaintenanceList: TenantListLoader<Record<string, unknown>> = async () => ({});

/** Spec §5.6: array. */
export const loadProxyList: TenantListLoader<unknown[]> = async () => [];

/** Spec §5.7: array. */
export const loadDockerHostList: TenantListLoader<unknown[]> = async () => [];

/** Spec §5.8: object keyed by status page id. */
export const loadStatusPageList: TenantListLoader<Record<string, unknown>> = async () => ({});
