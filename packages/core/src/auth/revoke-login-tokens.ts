import type { ServiceContext } from '../services/service-context.js';
import * as userRepository from '../users/user-repository.js';

/**
 * `logout` (docs/protocol/authentication.md#logout): every login token the user holds stops working, on every API node.
 * The caller also ends the user's other token sessions; API keys are their own credentials
 * and stay valid.
 */
export async function revokeLoginTokens(ctx: ServiceContext): Promise<void> {
  await userRepository.revokeLoginTokens(ctx.db, ctx.tenantId, ctx.userId);
}
