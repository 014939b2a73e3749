// How much of a provider's error text reaches the operator's logs: enough to tell one failure
// from another, not a whole error page.
export const MAX_LOGGED_ERROR_CHARS = 300;
const REDACTED = '[redacted]';
// Config values shorter than this are words ("json", "POST"), not credentials.
const MIN_SECRET_CHARS = 6;
// A service that echoes the request back shows its headers; whatever follows these names is
// a credential even when the config does not hold it verbatim.
const CREDENTIAL_LABEL =
  /\b(authorization|proxy-authorization|bearer|basic|x-api-key|api[-_]?key|token|password|secret)\b(["']?\s*[:=]?\s*["']?)(?:(?:bearer|basic|token)\s+)?[^\s"',;}]+/gi;

/**
 * A provider's error text as logs may hold it (architecture rule 7): every value of the
 * notification's config (tokens, webhook URLs, the values of additional headers) and every
 * credential-looking header echoed back replaced, then cut to MAX_LOGGED_ERROR_CHARS.
 */
export function loggableProviderError(error: string, config: Record<string, unknown>): string {
  let text = error;
  const secrets = [...secretValuesOf(config)].sort((a, b) => b.length - a.length);
  for (const secret of secrets) text = text.split(secret).join(REDACTED);
  text = text.replace(CREDENTIAL_LABEL, (_match, label: string, glue: string) => {
    return `${label}${glue}${REDACTED}`;
  });
  return text.length > MAX_LOGGED_ERROR_CHARS
    ? `${text.slice(0, MAX_LOGGED_ERROR_CHARS)}… (${text.length} characters)`
    : text;
}

function* secretValuesOf(value: unknown, key = ''): Generator<string> {
  if (typeof value === 'string') {
    if (key === 'type' || value.length < MIN_SECRET_CHARS) return;
    yield value;
    // Additional headers are a JSON object in a string.
    if (value.startsWith('{')) {
      try {
        yield* secretValuesOf(JSON.parse(value) as unknown);
      } catch {
        // Not JSON: the whole string is redacted already.
      }
    }
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) yield* secretValuesOf(v, k);
  }
}
