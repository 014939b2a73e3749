import type { ServiceContext } from '../services/service-context.js';
import {
  hasVerificationRecord,
  toDomainVerificationState,
  type DomainVerificationState,
} from './domain-verification.js';
import { publishStatusPageChange } from './publish-status-page-change.js';
import { pushStatusPageList } from './push-status-page-list.js';
import type { LogoInput, PublicGroupInput, StatusPageConfigInput } from './status-page-input.js';
import * as statusPageRepository from './status-page-repository.js';
import { assertClaimableDomains } from './assert-claimable-domains.js';

export interface SaveStatusPageRequest {
  config: StatusPageConfigInput;
  logo: LogoInput;
  groups: readonly PublicGroupInput[];
}

export interface SavedStatusPage {
  /** Each group's id, in input order. */
  groupIds: number[];
  /** Each custom domain with its TXT record and whether it routes yet. */
  domainVerification: DomainVerificationState[];
}

/**
 * `saveStatusPage` (docs/protocol/status-pages.md): all or nothing. Then every domain not yet
 * verified is looked up (docs/protocol/status-pages.md#custom-domains), so saving again is how
 * the editor re-checks. The list push reaches the room before the caller's reply.
 */
export async function saveStatusPage(
  ctx: ServiceContext,
  slug: string,
  request: SaveStatusPageRequest,
): Promise<SavedStatusPage> {
  assertClaimableDomains(ctx.domainVerification, request.config.domainNameList);
  const now = new Date();
  const groupIds = await statusPageRepository.saveStatusPage(ctx.db, ctx.tenantId, slug, {
    ...request,
    now,
    awaitDomainVerification: ctx.domainVerification.mode === 'dns-txt',
  });
  const savedSlug = request.config.slug;
  const domains = await statusPageRepository.listPageDomainVerifications(
    ctx.db,
    ctx.tenantId,
    savedSlug,
  );
  const checked = await Promise.all(
    domains.map(async (d) => {
      if (d.verified || !(await hasVerificationRecord(ctx.domainVerification, d.domain, d.token))) {
        return d;
      }
      const verified = await statusPageRepository.markDomainVerified(
        ctx.db,
        ctx.tenantId,
        d.domain,
        now,
      );
      return { ...d, verified };
    }),
  );
  publishStatusPageChange(ctx);
  await pushStatusPageList(ctx);
  return { groupIds, domainVerification: checked.map(toDomainVerificationState) };
}
