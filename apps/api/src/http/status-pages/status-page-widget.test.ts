import { describe, expect, it } from 'vitest';
import { XMLValidator } from 'fast-xml-parser';
import { renderStatusWidget, widgetQuerySchema } from './status-page-widget.js';

describe('renderStatusWidget', () => {
  it('shows the title and the verdict in words, as well-formed SVG', () => {
    const svg = renderStatusWidget('Acme <status>', 'partial', widgetQuerySchema.parse({}));
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toContain('aria-label="Acme &lt;status&gt;: Partially Degraded Service"');
    expect(svg).toContain('>Partially Degraded Service</text>');
    expect(svg).toContain('fill="#f8a306"');
    expect(svg).toContain('fill="#ffffff"');
  });

  it('cuts long titles and follows the theme asked for', () => {
    const svg = renderStatusWidget(
      'x'.repeat(80),
      'operational',
      widgetQuerySchema.parse({ theme: 'dark' }),
    );
    expect(svg).toContain(`>${'x'.repeat(29)}…</text>`);
    expect(svg).toContain('fill="#161b22"');
    expect(widgetQuerySchema.safeParse({ theme: 'pink' }).error?.issues[0]?.message).toBe(
      'Invalid theme',
    );
  });
});
