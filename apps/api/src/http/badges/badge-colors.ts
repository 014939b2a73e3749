/** Grey of every "no data" badge (upstream `badgeConstants.naColor`). */
export const NA_COLOR = '#999';

/**
 * Uptime colour (upstream `percentageToColor`, docs/protocol/http.md#badges): HSL(10 + 80 × ratio, 90 %,
 * 40 %) as hex, so 1.0 is #66c20a and 0 is #c2290a. Computed here instead of pulling in a
 * colour library for one formula; channels round half up, as chroma-js does.
 */
export function uptimeColor(ratio: number): string {
  if (!Number.isFinite(ratio)) return NA_COLOR;
  return hslToHex(10 + 80 * ratio, 0.9, 0.4);
}

/** Certificate colour by days remaining: above `warnDays` up, above `downDays` warn, else down. */
export function certExpiryColor(
  daysRemaining: number,
  thresholds: { warnDays: number; downDays: number },
  colors: { upColor: string; warnColor: string; downColor: string },
): string {
  if (daysRemaining > thresholds.warnDays) return colors.upColor;
  if (daysRemaining > thresholds.downDays) return colors.warnColor;
  return colors.downColor;
}

function hslToHex(hue: number, saturation: number, lightness: number): string {
  const chroma = (1 - Math.abs(2 * lightness - 1)) * saturation;
  // A demo `value` outside 0..1 moves the hue past the circle's ends; wrap it like CSS does.
  const sector = (((hue % 360) + 360) % 360) / 60;
  const x = chroma * (1 - Math.abs((sector % 2) - 1));
  const [r, g, b] =
    sector < 1
      ? [chroma, x, 0]
      : sector < 2
        ? [x, chroma, 0]
        : sector < 3
          ? [0, chroma, x]
          : sector < 4
            ? [0, x, chroma]
            : sector < 5
              ? [x, 0, chroma]
              : [chroma, 0, x];
  const m = lightness - chroma / 2;
  const hex = (channel: number) =>
    Math.round((channel + m) * 255)
      .toString(16)
      .padStart(2, '0');
  return `#${hex(r)}${hex(g)}${hex(b)}`;
}
