import type { FastifyInstance } from 'fastify';

// Password managers look here for where to change a password (W3C "well-known URL for
// changing passwords"); upstream points them at its wiki, and so do we (docs/protocol/http.md#other-routes).
const RESET_PASSWORD_URL = 'https://github.com/louislam/uptime-kuma/wiki/Reset-Password-via-CLI';

export function registerChangePasswordRoute(app: FastifyInstance): void {
  app.get('/.well-known/change-password', async (_request, reply) =>
    reply.redirect(RESET_PASSWORD_URL, 302),
  );
}
