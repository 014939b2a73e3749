/**
 * docs/protocol/api-keys.md / docs/protocol/api-keys.md#api-key-object: `expires` is a local date-time text (`YYYY-MM-DD HH:mm:ss` from Python,
 * the web UI's date picker sends the same), stored verbatim and read in the server's time
 * zone. Watchpost's server zone is UTC (it reports `serverTimezone: "UTC"`), so the text is
 * read as UTC. Also accepted: no seconds, a `T` separator (HTML datetime-local), fractions of
 * a second, and a bare date (midnight), which is what dayjs upstream would parse too.
 */
const LOCAL_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?$/;

/** The instant an `expires` text names, or null when it is not a real local date-time. */
export function parseExpiry(text: string): Date | null {
  const match = LOCAL_DATE_TIME.exec(text);
  if (!match) return null;
  const part = (index: number) => Number(match[index] ?? 0);
  const year = part(1);
  const month = part(2);
  const day = part(3);
  const hour = part(4);
  const minute = part(5);
  const second = part(6);
  const millis = Number((match[7] ?? '0').padEnd(3, '0'));
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second, millis));
  // Date.UTC rolls 2024-02-30 over into March; a date that does not exist is refused instead.
  const roundTrips =
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second;
  return roundTrips ? date : null;
}

export function isExpired(expiresAt: Date | null, now: Date): boolean {
  return expiresAt !== null && expiresAt.getTime() <= now.getTime();
}
