import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { deleteTenantRow, listTenantRows } from '../db/tenant-owned-rows.js';
import type { DockerHost } from './docker-host.js';
import type { DockerHostInput } from './docker-host-wire.js';
import type { DockerHostRow } from './docker-hosts.table.js';
import { isStorableId } from '../ids/stored-id.js';

// Every function here takes the tenant scope (architecture rule 1): another tenant's docker host id
// behaves exactly like one that does not exist.

export function toDockerHost(row: DockerHostRow): DockerHost {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    userId: row.user_id,
    name: row.name,
    dockerType: row.docker_type,
    dockerDaemon: row.docker_daemon,
  };
}

/** `addDockerHost` (docs/protocol/docker-hosts.md): create when `id` is null, else update; undefined = not found. */
export async function saveDockerHost(
  db: Kysely<Database>,
  tenantId: number,
  userId: number,
  id: number | null,
  input: DockerHostInput,
): Promise<number | undefined> {
  const fields = {
    name: input.name,
    docker_type: input.dockerType,
    docker_daemon: input.dockerDaemon,
  };
  if (id === null) {
    const row = await db
      .insertInto('docker_hosts')
      .values({ tenant_id: tenantId, user_id: userId, ...fields })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }
  if (!isStorableId(id)) return undefined;
  const row = await db
    .updateTable('docker_hosts')
    .set(fields)
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

/**
 * `deleteDockerHost` (docs/protocol/docker-hosts.md): the tenant's monitors that named it get `docker_host =
 * null`. Answers how many monitors lost it, or undefined when the tenant has no such host.
 */
export async function deleteDockerHost(
  db: Kysely<Database>,
  tenantId: number,
  id: number,
): Promise<{ unlinkedMonitorCount: number } | undefined> {
  if (!isStorableId(id)) return undefined;
  return db.transaction().execute(async (trx) => {
    if (!(await deleteTenantRow(trx, 'docker_hosts', tenantId, id))) return undefined;
    // docker_host lives in `extra` (a type-specific field), as a number or numeric text.
    const unlinked = await trx
      .updateTable('monitors')
      .set({ extra: sql`jsonb_set(extra, '{docker_host}', 'null'::jsonb)` })
      .where('tenant_id', '=', tenantId)
      .where(sql<boolean>`extra->>'docker_host' = ${String(id)}`)
      .executeTakeFirst();
    return { unlinkedMonitorCount: Number(unlinked.numUpdatedRows) };
  });
}

export async function listDockerHosts(
  db: Kysely<Database>,
  tenantId: number,
): Promise<DockerHost[]> {
  const rows = await listTenantRows(db, 'docker_hosts', tenantId);
  return rows.map(toDockerHost);
}
