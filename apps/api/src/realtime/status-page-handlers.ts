import { z } from 'zod';
import {
  addStatusPage,
  deleteStatusPage,
  getStatusPage,
  INCIDENT_SLUG_NOT_FOUND_MSG,
  incidentInputSchema,
  logoInputSchema,
  NO_SLUG_MSG,
  PAGE_NOT_FOUND_MSG,
  postIncident,
  publicGroupListArgSchema,
  saveStatusPage,
  statusPageConfigSchema,
  toIncidentJson,
  unpinIncident,
} from '@watchpost/core/services';
import { defineHandler, type SocketHandler } from './define-handler.js';

// docs/protocol/status-pages.md.

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

export const statusPageHandlers: readonly SocketHandler[] = [
  // Title first (docs/protocol/compatibility.md#argument-order).
  defineHandler(
    'addStatusPage',
    [z.unknown().optional(), z.unknown().optional()],
    async ({ service }, [title, slug]) => {
      await addStatusPage(service, title, slug);
      return { ok: true, msg: 'OK!' };
    },
  ),

  defineHandler('getStatusPage', [slugArg(NO_SLUG_MSG)], async ({ service }, [slug]) => {
    // domainVerification is Watchpost's (docs/protocol/status-pages.md#custom-domains).
    const { config, domainVerification } = await getStatusPage(service, slug);
    return { ok: true, config, domainVerification };
  }),

  defineHandler(
    'saveStatusPage',
    [slugArg(NO_SLUG_MSG), statusPageConfigSchema, logoInputSchema, publicGroupListArgSchema],
    async ({ service }, [slug, config, logo, { groups, sent }]) => {
      const saved = await saveStatusPage(service, slug, { config, logo, groups });
      // docs/protocol/status-pages.md: the client's own array back, with each group's id filled in.
      return {
        ok: true,
        publicGroupList: sent.map((group, i) => ({ ...group, id: saved.groupIds[i] })),
        domainVerification: saved.domainVerification,
      };
    },
  ),

  defineHandler('deleteStatusPage', [slugArg(PAGE_NOT_FOUND_MSG)], async ({ service }, [slug]) => {
    await deleteStatusPage(service, slug);
    return { ok: true };
  }),

  defineHandler(
    'postIncident',
    [slugArg(INCIDENT_SLUG_NOT_FOUND_MSG), incidentInputSchema],
    async ({ service }, [slug, incident]) => {
      const saved = await postIncident(service, slug, incident);
      return { ok: true, incident: toIncidentJson(saved, 'bool') };
    },
  ),

  // No error for an unknown slug (docs/protocol/status-pages.md).
  defineHandler('unpinIncident', [slugArg(NO_SLUG_MSG)], async ({ service }, [slug]) => {
    await unpinIncident(service, slug);
    return { ok: true };
  }),
];
