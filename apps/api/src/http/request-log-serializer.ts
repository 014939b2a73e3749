import type { FastifyRequest } from 'fastify';

// A push URL is its monitor's only credential (docs/protocol/http.md#push-endpoint): whoever reads the logs could
// otherwise report any status for it.
const PUSH_TOKEN = /^(\/api\/push\/)[^/?#]+/;

/** What the request log keeps of a URL: push tokens replaced. */
export function redactUrl(url: string): string {
  return url.replace(PUSH_TOKEN, '$1<redacted>');
}

/** Fastify's default request fields, with secrets kept out of the URL. */
export function serializeRequest(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}
