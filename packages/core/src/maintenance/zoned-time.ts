// Wall-clock arithmetic in IANA time zones with nothing but Intl, so maintenance windows
// need no date library. A "local" time is a wall-clock reading in some zone, carried as the
// epoch milliseconds that reading would have in UTC; that keeps calendar arithmetic
// (next day, day of week) on plain Date.UTC maths.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

export function isValidTimeZone(zone: string): boolean {
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock reading of `instant` in `zone`, as UTC-based epoch milliseconds. */
export function toLocal(instant: number, zone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(zone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const wholeSeconds = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return wholeSeconds + (((instant % 1000) + 1000) % 1000);
}

/** Milliseconds `zone` is ahead of UTC at `instant`. */
export function offsetAt(instant: number, zone: string): number {
  return toLocal(instant, zone) - instant;
}

/**
 * The instant a wall-clock reading happens in `zone`. A reading skipped by a DST jump
 * (02:30 on a spring-forward night) maps to the same distance past the jump, as cron daemons
 * run skipped jobs late rather than never; a reading that happens twice (fall-back) maps to
 * the first of the two.
 */
export function fromLocal(local: number, zone: string): number {
  const before = offsetAt(local - 86_400_000, zone);
  const after = offsetAt(local + 86_400_000, zone);
  // The larger offset gives the earlier instant, so an ambiguous reading resolves to its
  // first occurrence.
  for (const offset of [Math.max(before, after), Math.min(before, after)]) {
    const instant = local - offset;
    if (toLocal(instant, zone) === local) return instant;
  }
  // In a gap: apply the offset from before the jump, which lands past it.
  return local - before;
}

/** `+02:00` style offset of `zone` at `instant`. */
export function formatOffset(instant: number, zone: string): string {
  const minutes = Math.round(offsetAt(instant, zone) / 60_000);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

const DATETIME = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?/;

/** Parses Kuma's `YYYY-MM-DD HH:mm[:ss]` (or a bare date) as a local reading; null if not one. */
export function parseLocalDateTime(text: string): number | null {
  const match = DATETIME.exec(text.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match.map(Number) as number[];
  const local = Date.UTC(y!, mo! - 1, d!, h || 0, mi || 0, s || 0);
  const check = new Date(local);
  // Refuse readings Date.UTC would silently roll over, like February 30th.
  if (check.getUTCMonth() !== mo! - 1 || check.getUTCDate() !== d!) return null;
  if ((h ?? 0) > 23 || (mi ?? 0) > 59 || (s ?? 0) > 59) return null;
  return local;
}
