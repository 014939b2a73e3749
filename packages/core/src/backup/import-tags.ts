import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import * as tagRepository from '../tags/tag-repository.js';
import type { BackupTag } from './backup-schema.js';

/**
 * Links imported monitors to their backup tags (docs/protocol/settings.md, backups from 1.7.0 on). A tag is
 * found by its exact name among the tenant's tags (the oldest wins when names repeat) or
 * created once with the backup's color; each link keeps its value, duplicates included, as
 * upstream's plain INSERT does.
 */
export async function linkBackupTags(
  trx: Kysely<Database>,
  tenantId: number,
  monitors: readonly { monitorId: number; tags: readonly BackupTag[] }[],
): Promise<void> {
  if (monitors.every((m) => m.tags.length === 0)) return;
  const byName = new Map<string, number>();
  // Oldest first, so the first of several same-named tags is the one used.
  for (const tag of await tagRepository.listTags(trx, tenantId)) {
    if (!byName.has(tag.name)) byName.set(tag.name, tag.id);
  }
  const links: { monitorId: number; tagId: number; value: string | null }[] = [];
  for (const { monitorId, tags } of monitors) {
    for (const tag of tags) {
      let tagId = byName.get(tag.name);
      if (tagId === undefined) {
        tagId = (await tagRepository.createTag(trx, tenantId, tag)).id;
        byName.set(tag.name, tagId);
      }
      links.push({ monitorId, tagId, value: tag.value });
    }
  }
  await tagRepository.addMonitorTagLinks(trx, tenantId, links);
}
