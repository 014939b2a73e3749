/// <reference lib="dom" />
import { createHash } from 'node:crypto';

// The status page's only script, served from this origin (the page's CSP allows no other).
// Its functions run in the visitor's browser: they are sent as their own source text, so
// they use nothing from outside their bodies but each other and browser globals.

/** `mm:ss`, Kuma's countdown format; the page renders its first value with the same code. */
export function formatCountdown(seconds: number): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(seconds / 60))}:${pad(seconds % 60)}`;
}

/**
 * Rewrites the page's times (rendered in the page's zone, page-time.ts) in the visitor's
 * own zone, and names that zone where the page named its own.
 */
export function localizeTimes(): void {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const pad = (n: number) => String(Math.floor(Math.abs(n))).padStart(2, '0');
  const offsetOf = (instant: Date) => {
    const minutes = -instant.getTimezoneOffset();
    return `UTC${minutes < 0 ? '-' : '+'}${pad(minutes / 60)}:${pad(minutes % 60)}`;
  };
  document.querySelectorAll<HTMLTimeElement>('#status-page time[datetime]').forEach((time) => {
    const instant = new Date(time.dateTime);
    if (Number.isNaN(instant.getTime())) return;
    // Only "last updated" shows seconds (`YYYY-MM-DD HH:mm:ss`, 19 characters): keep its form.
    const withSeconds = time.textContent?.length === 19;
    time.textContent =
      `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())} ` +
      `${pad(instant.getHours())}:${pad(instant.getMinutes())}` +
      (withSeconds ? `:${pad(instant.getSeconds())}` : '');
    const label = time.parentElement?.querySelector<HTMLElement>('.zone');
    if (label) label.textContent = `(${zone}, ${offsetOf(instant)})`;
  });
}

/**
 * Counts down to the next refresh and then swaps the page's content for a fresh copy of the
 * same URL. That copy comes from the API node's cache (docs/protocol/status-pages.md#caching),
 * so a page with thousands of visitors costs a few builds a minute and no socket per visitor,
 * and the browser keeps the scroll position instead of reloading.
 */
export function refreshStatusPage(): void {
  // After the first paint, not before it: the first use of Intl in a page loads the
  // browser's time-zone data, tens of milliseconds that would otherwise hold back the first
  // frame (the page's times are already right in its own zone). A timeout queued from an
  // animation frame runs once that frame is painted.
  requestAnimationFrame(() => setTimeout(localizeTimes, 0));
  const countdownOf = () => document.querySelector<HTMLElement>('[data-refresh]');
  const intervalOf = () => Number(countdownOf()?.dataset.refresh ?? 0);
  let remaining = intervalOf();
  if (!(remaining > 0)) return;
  const reload = async () => {
    try {
      const response = await fetch(location.href, { headers: { accept: 'text/html' } });
      if (!response.ok) return;
      const fresh = new DOMParser().parseFromString(await response.text(), 'text/html');
      const next = fresh.getElementById('status-page');
      const current = document.getElementById('status-page');
      if (next && current) {
        current.replaceWith(document.adoptNode(next));
        document.title = fresh.title;
        localizeTimes();
      }
    } catch {
      // Offline for a moment: keep what is shown and try again at the next round.
    } finally {
      remaining = intervalOf() || remaining;
    }
  };
  setInterval(() => {
    remaining -= 1;
    if (remaining === 0) void reload();
    const text = countdownOf()?.querySelector('.countdown');
    if (text && remaining >= 0) text.textContent = formatCountdown(remaining);
  }, 1000);
}

/** The script as served: its functions, then a call once the page has been parsed. */
export const STATUS_PAGE_SCRIPT = `"use strict";\n${[formatCountdown, localizeTimes, refreshStatusPage].map(String).join('\n')}\nrefreshStatusPage();\n`;

/** Its URL, versioned by content so browsers may keep it for a year. */
export const STATUS_PAGE_SCRIPT_PATH = `/status-page.js?v=${createHash('sha256').update(STATUS_PAGE_SCRIPT).digest('hex').slice(0, 12)}`;
