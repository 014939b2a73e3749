// Socket-level failures of reaching the server, as Node reports them.
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * Whether `error` means the database could not be reached (not listening, restarting,
 * shutting down, connection cut), as opposed to a statement it refused. Only the first kind
 * is worth holding work for until it returns.
 */
export function isDatabaseUnreachable(error: unknown): boolean {
  if (error instanceof AggregateError) return error.errors.some(isDatabaseUnreachable);
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    // SQLSTATE class 08 (connection exception) and 57P01–57P03 (shutdown, crash, starting up).
    return NETWORK_CODES.has(code) || code.startsWith('08') || /^57P0[1-3]$/.test(code);
  }
  // pg's own words when the server closes the socket under a query or a new connection.
  return /Connection terminated|timeout exceeded when trying to connect/i.test(error.message);
}
