import type { Kysely } from 'kysely';
import { z } from 'zod';
import { AppError } from '@watchpost/core';
import {
  incidentInputSchema,
  incidentRepository,
  logoInputSchema,
  parseNewStatusPage,
  publicGroupListArgSchema,
  statusPageConfigSchema,
  statusPageRepository,
  toIncidentJson,
  type Database,
  type StatusPageConfig,
} from '@watchpost/core/db';
import { tenantRoom } from '@watchpost/core/realtime';
import { defineHandler, failure, type SocketHandler } from './define-handler.js';
import type { RealtimeDeps } from './realtime-deps.js';

// Spec §3.6. Every lookup is by (tenant, slug): a slug of another tenant is simply unknown
// here, answered with the same text as a missing page.

const { NO_SLUG_MSG, SLUG_TAKEN_MSG } = statusPageRepository;
const PAGE_NOT_FOUND_MSG = 'Status Page is not found';
const INCIDENT_SLUG_MSG = 'slug is not found';

/** A slug argument; anything but a string is answered like an unknown slug. */
const slugArg = (missingMsg: string) =>
  z
    .unknown()
    .optional()
    .transform((value, ctx) => {
      if (typeof value === 'string' && value.length <= 255) return value;
      ctx.addIssue({ code: 'custom', message: missingMsg });
      return z.NEVER;
    });

/** `statusPageList` (spec §5.8): the tenant's pages keyed by id. */
export function loadStatusPageList(
  db: Kysely<Database>,
  tenantId: number,
): Promise<Record<string, StatusPageConfig>> {
  return statusPageRepository.listStatusPageConfigs(db, tenantId);
}

// Upstream pushes nothing after page changes; the spec recommends pushing, and the list push
// goes out before the ack like every other list (§1.4).
async function pushStatusPageList(deps: RealtimeDeps, tenantId: number): Promise<void> {
  deps.io
    .to(tenantRoom(tenantId))
    .emit('statusPageList', await loadStatusPageList(deps.db, tenantId));
}

/**
 * Tells every API node that what this tenant's public pages show changed, so their cached
 * copies go at once (spec §7.1). Not awaited: the change is stored, and a Redis outage must
 * neither delay nor fail the reply; cached pages then still expire within their short TTL.
 */
export function announceStatusPageChange(deps: RealtimeDeps, tenantId: number): void {
  deps.changeBus.publishStatusPageChange({ tenantId }).catch((error: unknown) => {
    deps.logger.warn({ err: error, tenantId }, 'could not publish status page change');
  });
}

export const statusPageHandlers: readonly SocketHandler[] = [
  // Title first (spec §9.7).
  defineHandler(
    'addStatusPage',
    [z.unknown().optional(), z.unknown().optional()],
    async ({ deps, session }, [title, slug]) => {
      const parsed = parseNewStatusPage(title, slug);
      if (!parsed.ok) return failure(parsed.msg);
      const id = await statusPageRepository.createStatusPage(deps.db, session.tenantId, parsed);
      if (id === undefined) return failure(SLUG_TAKEN_MSG);
      await pushStatusPageList(deps, session.tenantId);
      return { ok: true, msg: 'OK!' };
    },
  ),

  defineHandler('getStatusPage', [slugArg(NO_SLUG_MSG)], async ({ deps, session }, [slug]) => {
    const config = await statusPageRepository.getStatusPageConfig(deps.db, session.tenantId, slug);
    if (!config) return failure(NO_SLUG_MSG);
    return { ok: true, config };
  }),

  defineHandler(
    'saveStatusPage',
    [slugArg(NO_SLUG_MSG), statusPageConfigSchema, logoInputSchema, publicGroupListArgSchema],
    async ({ deps, session }, [slug, config, logo, { groups, sent }]) => {
      const ids = await statusPageRepository.saveStatusPage(deps.db, session.tenantId, slug, {
        config,
        logo,
        groups,
        now: new Date(),
      });
      announceStatusPageChange(deps, session.tenantId);
      await pushStatusPageList(deps, session.tenantId);
      // Spec §3.6: the client's own array back, with each group's id filled in.
      return { ok: true, publicGroupList: sent.map((group, i) => ({ ...group, id: ids[i] })) };
    },
  ),

  defineHandler(
    'deleteStatusPage',
    [slugArg(PAGE_NOT_FOUND_MSG)],
    async ({ deps, session }, [slug]) => {
      if (!(await statusPageRepository.deleteStatusPage(deps.db, session.tenantId, slug))) {
        throw new AppError('not-found', PAGE_NOT_FOUND_MSG);
      }
      announceStatusPageChange(deps, session.tenantId);
      await pushStatusPageList(deps, session.tenantId);
      return { ok: true };
    },
  ),

  defineHandler(
    'postIncident',
    [slugArg(INCIDENT_SLUG_MSG), incidentInputSchema],
    async ({ deps, session }, [slug, incident]) => {
      const saved = await incidentRepository.postIncident(
        deps.db,
        session.tenantId,
        slug,
        incident,
        new Date(),
      );
      if (!saved) return failure(INCIDENT_SLUG_MSG);
      announceStatusPageChange(deps, session.tenantId);
      return { ok: true, incident: toIncidentJson(saved, 'bool') };
    },
  ),

  // No error for an unknown slug (spec §3.6).
  defineHandler('unpinIncident', [slugArg(NO_SLUG_MSG)], async ({ deps, session }, [slug]) => {
    await incidentRepository.unpinIncident(deps.db, session.tenantId, slug);
    announceStatusPageChange(deps, session.tenantId);
    return { ok: true };
  }),
];
