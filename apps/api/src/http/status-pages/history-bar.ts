import { escapeHtml } from './escape-html.js';

/**
 * A stretch of equal neighbours in a history bar: `span` slots of one look, one label. A
 * page of 100 monitors would carry 12,000 elements if every beat and day were its own; runs
 * keep the HTML small (most history is one long run of "up"), while the stylesheet still
 * draws one bar per slot (see status-page-style.ts).
 */
export interface BarSegment {
  /** CSS class of the look: u up, d down, p pending or partial, m maintenance, e no data. */
  look: 'u' | 'd' | 'p' | 'm' | 'e';
  span: number;
  /** Shown on hover or focus; an unlabelled segment is padding and takes no focus. */
  label?: string;
  /**
   * Nothing to report (days all up, or no data): shown on hover but skipped by the keyboard,
   * so that tabbing through a page of 100 monitors stops only where something happened.
   */
  quiet?: boolean;
}

/**
 * The bar as HTML: one element per segment, as wide as its slots. A label is the segment's
 * `title`: browsers show it on hover and read it as the name of the focused element, and
 * the stylesheet shows it on focus (a tap on a phone), so the details need no script.
 * Attributes go unquoted where HTML allows it: a page carries a thousand segments, and
 * every byte counts towards its weight.
 */
export function renderBar(kind: 'beats' | 'days', segments: readonly BarSegment[]): string {
  const items = segments.map((s) => {
    // Up is the stylesheet's default look.
    const look = s.look === 'u' ? '' : ` class=${s.look}`;
    const grow = s.span === 1 ? '' : ` style=flex:${s.span}`;
    return s.label === undefined
      ? `<i${look}${grow}></i>`
      : `<i${look}${grow}${s.quiet ? '' : ' tabindex=0'} title="${escapeHtml(s.label)}"></i>`;
  });
  return `<div class=${kind}>${items.join('')}</div>`;
}
