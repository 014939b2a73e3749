import { z } from 'zod';
import {
  login,
  loginByToken,
  needsSetup,
  revokeLoginTokens,
  serviceContext,
  setupFirstAdmin,
  type LoginIdentity,
} from '@watchpost/core/services';
import { startSessionWithBurst } from './after-login.js';
import {
  definePublicHandler,
  NO_REPLY,
  Reply,
  type HandlerContext,
  type SocketHandler,
} from './define-handler.js';
import { clientAddressOf } from './client-address.js';
import { refreshOtherSessions } from './refresh-other-sessions.js';
import { endSession, sessionOf } from './session.js';
import type { Session } from './socket-types.js';

export const authHandlers: readonly SocketHandler[] = [
  // docs/protocol/authentication.md#first-run-setup: acks a bare boolean.
  definePublicHandler('needSetup', [], async ({ deps }) => needsSetup(deps)),

  // docs/protocol/authentication.md#first-run-setup. Creates the first tenant and its admin; does not log the socket in.
  definePublicHandler(
    'setup',
    [z.unknown(), z.unknown()],
    async ({ deps }, [username, password]) => {
      await setupFirstAdmin(deps, { username, password }, deps.instance);
      return { ok: true, msg: 'Added Successfully.' };
    },
  ),

  // docs/protocol/authentication.md#login.
  definePublicHandler('login', [z.unknown()], async (ctx, [data]) => {
    // docs/protocol/authentication.md#login step 1: falsy data gets no response at all.
    if (!data) return NO_REPLY;
    const result = await login(ctx.deps, data, clientAddressOf(ctx.socket, ctx.deps.trustProxy));
    if (result.tokenRequired) return { tokenRequired: true };
    return Reply.of({ ok: true, token: result.token }, await logIn(ctx, result.identity));
  }),

  // docs/protocol/authentication.md#loginbytoken: a login token or an API key.
  definePublicHandler('loginByToken', [z.unknown()], async (ctx, [token]) => {
    return Reply.of({ ok: true }, await logIn(ctx, await loginByToken(ctx.deps, token)));
  }),

  // docs/protocol/authentication.md#logout: acks with no arguments, also when the socket was not logged in. Unlike
  // upstream it takes nothing from the login limiter: the limits count failed logins (see
  // login-rate-limits.ts), and logging out checks no credential that a limit could protect. Unlike upstream too, it ends the
  // user's login tokens and their sessions everywhere; logging out of an API key session
  // ends that session only.
  definePublicHandler('logout', [], async ({ socket, deps, session }) => {
    endSession(socket);
    if (session && session.apiKeyId === null) {
      await revokeLoginTokens(serviceContext(deps, session));
      await refreshOtherSessions(deps.io, session, socket.id);
    }
    return Reply.withoutArguments();
  }),
];

/** Joins the identity's tenant and sends the login burst; answers what follows the ack. */
function logIn(ctx: HandlerContext<Session | undefined>, identity: LoginIdentity) {
  return startSessionWithBurst(ctx.socket, ctx.deps, sessionOf(identity));
}
