import { formatOffset } from '@watchpost/core/db';

// The page's times (incidents, maintenance, "last updated") are shown in the page's zone,
// the tenant's `serverTimezone` (docs/protocol/settings.md#settings-object): Kuma's pages
// have no zone of their own. Each is a <time> carrying the instant, so the page's script
// can rewrite it in the visitor's own zone (status-page-client.ts); without script the
// page's zone is what a visitor reads, and it is always named.

const formatters = new Map<string, Intl.DateTimeFormat>();

/** `YYYY-MM-DD HH:mm` (or with `:ss`) of an instant in a zone; en-CA writes ISO-like dates. */
function wallClock(instant: Date, zone: string, seconds: boolean): string {
  const key = `${zone} ${seconds}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      ...(seconds && { second: '2-digit' }),
      hourCycle: 'h23',
    });
    formatters.set(key, format);
  }
  return format.format(instant).replace(', ', ' ');
}

/** `<time datetime="…Z">2026-12-07 22:00</time>`: the instant, read in `zone`. */
export function renderTime(instant: Date, zone: string, seconds = false): string {
  return `<time datetime="${instant.toISOString()}">${wallClock(instant, zone, seconds)}</time>`;
}

/**
 * Which zone the times before it are in: `UTC`, or `Europe/Berlin, UTC+01:00` (the offset
 * at `instant`). The script replaces it with the visitor's zone when it rewrites the times.
 */
export function renderZone(instant: Date, zone: string): string {
  const text = zone === 'UTC' ? 'UTC' : `${zone}, UTC${formatOffset(instant.getTime(), zone)}`;
  return `<span class=zone>(${text})</span>`;
}

/** Kuma's incident dates, `YYYY-MM-DD HH:mm:ss` in UTC (docs/protocol/status-pages.md#incident). */
export function parseKumaUtc(text: string): Date | undefined {
  const instant = new Date(`${text.replace(' ', 'T')}Z`);
  return Number.isNaN(instant.getTime()) ? undefined : instant;
}
