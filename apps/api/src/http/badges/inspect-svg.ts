import { XMLParser, XMLValidator } from 'fast-xml-parser';

// Test support: what a badge's SVG is made of, read back by a real XML parser.

export interface SvgInspection {
  /** Every element name in the document. */
  elements: Set<string>;
  /** Every attribute name in the document. */
  attributes: Set<string>;
  /** The `<title>` text, entities decoded. */
  title: string;
}

const ATTRIBUTE = '@_';
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: ATTRIBUTE });

/** Parses a badge; throws when it is not well-formed XML with an `<svg>` root. */
export function inspectSvg(svg: string): SvgInspection {
  const valid = XMLValidator.validate(svg);
  if (valid !== true) throw new Error(`not well-formed: ${valid.err.msg}`);
  const doc = parser.parse(svg) as { svg?: Record<string, unknown> };
  if (!doc.svg) throw new Error('no <svg> root');
  const elements = new Set<string>(['svg']);
  const attributes = new Set<string>();
  walk(doc.svg, elements, attributes);
  return { elements, attributes, title: String(doc.svg.title) };
}

function walk(node: unknown, elements: Set<string>, attributes: Set<string>): void {
  if (Array.isArray(node)) {
    for (const child of node) walk(child, elements, attributes);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith(ATTRIBUTE)) {
      attributes.add(key.slice(ATTRIBUTE.length));
    } else if (key !== '#text') {
      elements.add(key);
      walk(value, elements, attributes);
    }
  }
}

/** The elements badge-maker draws with; anything else came from the input. */
export const BADGE_ELEMENTS = new Set([
  'svg',
  'title',
  'style',
  'g',
  'a',
  'rect',
  'path',
  'text',
  'linearGradient',
  'stop',
  'clipPath',
  'mask',
  'filter',
  'feGaussianBlur',
  'image',
]);
