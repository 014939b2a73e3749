import { AppError } from '../errors/app-error.js';
import type { ServiceContext } from '../services/service-context.js';
import { toDomainVerificationState, type DomainVerificationState } from './domain-verification.js';
import * as statusPageRepository from './status-page-repository.js';
import { NO_SLUG_MSG } from './status-page-texts.js';
import type { StatusPageConfig } from './status-page-wire.js';

/** What the page editor reads: the config, and the TXT record each custom domain needs. */
export interface StatusPageForEditor {
  config: StatusPageConfig;
  domainVerification: DomainVerificationState[];
}

// docs/protocol/status-pages.md. Every lookup is by (tenant, slug): a slug of another tenant is simply unknown
// here, answered with the same text as a missing page.
export async function getStatusPage(
  ctx: ServiceContext,
  slug: string,
): Promise<StatusPageForEditor> {
  const config = await statusPageRepository.getStatusPageConfig(ctx.db, ctx.tenantId, slug);
  if (!config) throw new AppError('not-found', NO_SLUG_MSG);
  const domains = await statusPageRepository.listPageDomainVerifications(
    ctx.db,
    ctx.tenantId,
    slug,
  );
  return { config, domainVerification: domains.map(toDomainVerificationState) };
}
