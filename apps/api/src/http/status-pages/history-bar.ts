import { escapeHtml } from './escape-html.js';

/**
 * A stretch of equal neighbours in a history bar: `span` slots of one look, one label. A
 * page of 100 monitors would carry 12,000 elements if every beat and day were its own; runs
 * keep the HTML small (most history is one long run of "up"), while the stylesheet still
 * draws one bar per slot (see `.bar::before` in status-page-style.ts).
 */
export interface BarSegment {
  /** CSS class of the look: u up, d down, p pending or partial, m maintenance, e no data. */
  look: 'u' | 'd' | 'p' | 'm' | 'e';
  span: number;
  /** Shown on hover or focus; an unlabelled segment is padding and takes no focus. */
  label?: string;
}

/**
 * The bar as HTML: a list with one item per segment, each as wide as its slots. Labels
 * are `aria-label`s, which the stylesheet also shows as a tooltip on hover or focus, so
 * the details need no script.
 */
export function renderBar(
  kind: 'beats' | 'days',
  title: string,
  segments: readonly BarSegment[],
): string {
  const slots = segments.reduce((sum, s) => sum + s.span, 0);
  const items = segments.map((s) => {
    const grow = s.span === 1 ? '' : ` style="flex-grow:${s.span}"`;
    return s.label === undefined
      ? `<i class="${s.look}"${grow}></i>`
      : `<i class="${s.look}"${grow} tabindex="0" role="img" aria-label="${escapeHtml(s.label)}"></i>`;
  });
  return `<div class="bar ${kind}" style="--slots:${slots}" role="group" aria-label="${escapeHtml(title)}">${items.join('')}</div>`;
}
