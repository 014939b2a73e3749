/**
 * The API key a request presents in its `Authorization` header, or null for none:
 * - `Bearer <key>`;
 * - `Basic base64(<any username>:<key>)`, what Prometheus' `basic_auth` sends (docs/protocol/http.md#prometheus-metrics).
 * Scheme names are case-insensitive (RFC 9110). Whether the text is a well-formed key is
 * left to verifyApiKey, so a wrong one is reported as such rather than as missing.
 */
export function readPresentedApiKey(authorization: string | undefined): string | null {
  if (authorization === undefined) return null;
  const match = /^([A-Za-z]+) +(\S+) *$/.exec(authorization);
  if (!match) return null;
  const scheme = (match[1] as string).toLowerCase();
  const credentials = match[2] as string;
  if (scheme === 'bearer') return credentials;
  if (scheme !== 'basic') return null;
  const decoded = decodeBase64(credentials);
  if (decoded === null) return null;
  // The user-id cannot contain a colon (RFC 7617), so the first one ends it; the key is all
  // the rest.
  const colon = decoded.indexOf(':');
  return colon === -1 ? null : decoded.slice(colon + 1);
}

/** Node's decoder skips characters it does not know; only canonical base64 is accepted. */
function decodeBase64(text: string): string | null {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return null;
  const bytes = Buffer.from(text, 'base64');
  if (bytes.toString('base64').replace(/=+$/, '') !== text.replace(/=+$/, '')) return null;
  return bytes.toString('utf8');
}
