import { describe, expect, it } from 'vitest';
import { DOWN, UP } from '@watchpost/core';
import { toPublicStatusPageConfig } from '@watchpost/core/db';
import { escapeHtml, renderStatusPage, sanitizeCss } from './render-status-page.js';
import { statusPageBadge, statusPageBadgeQuerySchema } from './status-page-badge.js';

const page = (overrides: Record<string, unknown> = {}) =>
  toPublicStatusPageConfig({
    id: 1,
    tenantId: 1,
    slug: 'main',
    title: 'T',
    description: null,
    icon: null,
    theme: 'auto',
    published: true,
    showTags: false,
    footerText: null,
    customCSS: null,
    showPoweredBy: true,
    googleAnalyticsId: null,
    showCertificateExpiry: false,
    ...overrides,
  });

const monitor = (id: number, status: number | null) => ({
  id,
  name: `m${id}`,
  type: 'http',
  url: null,
  sendUrl: false,
  status,
  certValid: null,
  certDaysRemaining: null,
});

describe('renderStatusPage', () => {
  it('escapes markup and attribute quotes', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&`)).toBe(
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;',
    );
  });

  it('keeps custom CSS from closing its <style> element in any letter case', () => {
    expect(sanitizeCss('a{}</STYLE><script>x</script>')).not.toMatch(/<\/style/i);
    expect(sanitizeCss('a{}</STYLE><script>')).not.toContain('<');
  });

  it('shows only safe icon URLs', () => {
    const render = (icon: string) =>
      renderStatusPage({
        config: page({ icon }),
        incident: null,
        groups: [],
        uptimes: new Map(),
        basePath: '/api/status-page/main',
      });
    expect(render('javascript:alert(1)')).not.toContain('<img');
    expect(render('//evil.test/x.png')).not.toContain('<img');
    expect(render('/upload/logo1.png?t=1')).toContain(
      '<img class="logo" src="/upload/logo1.png?t=1"',
    );
  });
});

describe('statusPageBadge', () => {
  const q = statusPageBadgeQuerySchema.parse({});
  const group = (...statuses: (number | null)[]) => [
    { id: 1, name: 'g', weight: 1, monitors: statuses.map((s, i) => monitor(i + 1, s)) },
  ];

  it('sums up the latest statuses like upstream', () => {
    expect(statusPageBadge(group(UP, UP), q)).toMatchObject({ message: 'Up', color: '#66c20a' });
    expect(statusPageBadge(group(UP, DOWN), q)).toMatchObject({ message: 'Degraded' });
    expect(statusPageBadge(group(DOWN), q)).toMatchObject({ message: 'Down' });
    expect(statusPageBadge(group(null), q)).toMatchObject({ message: 'N/A', color: '#999' });
    expect(statusPageBadge([], q)).not.toHaveProperty('label');
  });
});
