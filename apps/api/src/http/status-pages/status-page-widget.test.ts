import { describe, expect, it } from 'vitest';
import { XMLValidator } from 'fast-xml-parser';
import {
  renderStatusWidget,
  renderStatusWidgetHtml,
  widgetQuerySchema,
} from './status-page-widget.js';

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

describe('renderStatusWidgetHtml', () => {
  it('shows the escaped title and the verdict in words and icon, linking to the page', () => {
    const html = renderStatusWidgetHtml(
      'Acme <script>alert(1)</script>',
      'degraded',
      widgetQuerySchema.parse({}),
      '/t/7/status/main',
    );
    expect(html).not.toContain('<script>');
    expect(html).toContain(
      '<title>Acme &lt;script&gt;alert(1)&lt;/script&gt;: Degraded Service</title>',
    );
    expect(html).toContain(
      '<a href="/t/7/status/main" target="_blank" rel="noopener"><span class="icon" aria-hidden="true">✖</span>',
    );
    expect(html).toContain('<strong>Degraded Service</strong>');
    expect(html).toContain('background:#dc3545');
    expect(html).toContain('background:#ffffff');
  });

  it('follows the theme asked for', () => {
    const html = renderStatusWidgetHtml(
      'Acme',
      'operational',
      widgetQuerySchema.parse({ theme: 'dark' }),
      '/status/main',
    );
    expect(html).toContain('background:#161b22');
    expect(html).toContain('<strong>All Systems Operational</strong>');
  });
});
