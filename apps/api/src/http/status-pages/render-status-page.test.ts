import { describe, expect, it } from 'vitest';
import { DOWN, MAINTENANCE, PENDING, UP } from '@watchpost/core';
import { toIncidentJson, toPublicStatusPageConfig, type PageMonitor } from '@watchpost/core/db';
import { HISTORY_DAYS } from './day-history.js';
import { escapeHtml } from './escape-html.js';
import { renderStatusPage, sanitizeCss, type StatusPageView } from './render-status-page.js';
import { STATUS_PAGE_SCRIPT_PATH } from './status-page-client.js';
import { statusPageBadge, statusPageBadgeQuerySchema } from './status-page-badge.js';

const NOW = new Date('2026-12-07T12:00:00Z');

const config = (overrides: Record<string, unknown> = {}) =>
  toPublicStatusPageConfig({
    id: 1,
    tenantId: 1,
    slug: 'main',
    title: 'Acme status',
    description: 'Live status of **Acme**.',
    icon: '/upload/logo1.png?t=1',
    theme: 'auto',
    published: true,
    showTags: true,
    footerText: 'Questions? ops@acme.com',
    customCSS: 'h1{letter-spacing:1px}',
    showPoweredBy: true,
    googleAnalyticsId: null,
    showCertificateExpiry: true,
    autoRefreshInterval: 300,
    ...overrides,
  });

const monitor = (
  id: number,
  status: number | null,
  extra: Partial<PageMonitor> = {},
): PageMonitor => ({
  id,
  name: `m${id}`,
  type: 'http',
  url: null,
  sendUrl: false,
  status,
  certValid: null,
  certDaysRemaining: null,
  ...extra,
});

const incident = toIncidentJson(
  {
    id: 4,
    title: 'Slow logins',
    content: 'We are *looking into it*.',
    style: 'warning',
    pin: true,
    createdAt: new Date('2026-12-07T10:00:00Z'),
    lastUpdatedAt: null,
  },
  'bool01',
);

const view = (overrides: Partial<StatusPageView> = {}): StatusPageView => ({
  config: config(),
  incident,
  maintenances: [],
  groups: [
    {
      id: 1,
      name: 'Services',
      weight: 1,
      monitors: [
        monitor(1, UP, {
          name: 'Website',
          url: 'https://acme.test/',
          sendUrl: true,
          certValid: true,
          certDaysRemaining: 42,
        }),
        monitor(2, UP, { name: 'API' }),
        monitor(3, DOWN, { name: 'Mail' }),
      ],
    },
  ],
  uptimes: new Map([
    [1, 1],
    [2, 0.9987],
    [3, 0.5],
  ]),
  beats: new Map([
    [
      3,
      [
        { status: UP, time: new Date('2026-12-07T11:58:00Z') },
        { status: DOWN, time: new Date('2026-12-07T11:59:00Z') },
      ],
    ],
  ]),
  days: new Map([[1, [{ day: new Date('2026-12-06T00:00:00Z'), up: 1430, down: 10 }]]]),
  incidents: [{ title: 'Slow logins', createdAt: new Date('2026-12-07T10:00:00Z') }],
  tags: new Map([[1, [{ name: 'region', value: 'eu', color: '#2563eb' }]]]),
  basePath: '/api/status-page/main',
  pagePath: '/status/main',
  timeZone: 'UTC',
  now: NOW,
  ...overrides,
});

describe('renderStatusPage', () => {
  it('shows every piece of a stored config, as Kuma 1.23 does and more', () => {
    const html = renderStatusPage(view());
    // logo and title
    expect(html).toContain('<img class="logo" src="/upload/logo1.png?t=1" alt="">');
    expect(html).toContain('<h1>Acme status</h1>');
    // incident in its style, Markdown rendered
    expect(html).toContain('class="card incident s-warning"');
    expect(html).toContain('<em>looking into it</em>');
    // the verdict in words and with an icon
    expect(html).toContain(
      '<p class="verdict v-partial" role="status"><span class="icon" aria-hidden="true">!</span>Partially Degraded Service</p>',
    );
    // description and footer from Markdown; the email address is a link
    expect(html).toContain('Live status of <strong>Acme</strong>.');
    expect(html).toContain(
      '<a href="mailto:ops@acme.com" rel="nofollow noopener noreferrer">ops@acme.com</a>',
    );
    // a group, its monitors with uptime pills, a linked name, tags and certificate expiry
    expect(html).toContain('<h2>Services</h2>');
    expect(html).toContain('✔ 100%');
    expect(html).toContain('✔ 99.87%');
    expect(html).toContain('✖ 50%');
    expect(html).toContain(
      '<a class=name href="https://acme.test/" rel="nofollow noopener noreferrer">Website</a>',
    );
    expect(html).toContain('<span class=name>API</span>');
    expect(html).toContain('<span class=tag style=background:#2563eb>region: eu</span>');
    expect(html).toContain('Certificate: 42 days left');
    // the latest beats, each run with its status and time
    expect(html).toContain('<i class=d tabindex=0 title="Down · Dec 7 11:59:00 UTC"></i>');
    // the 90-day history with each day's uptime and incidents
    expect(html).toContain(
      `<i class=e style=flex:${HISTORY_DAYS - 2} title="Sep 9 – Dec 5: no data"></i>`,
    );
    expect(html).toContain('<i class=p tabindex=0 title="Dec 6: 99.31% up, 10 failed checks"></i>');
    expect(html).toContain('title="Dec 7: no data, incident: Slow logins"');
    expect(html).toContain('99.31% uptime');
    // powered by, last update, countdown, and refreshing with or without script
    expect(html).toContain('Powered by Watchpost');
    expect(html).toContain(
      'Last Updated: <time datetime="2026-12-07T12:00:00.000Z">2026-12-07 12:00:00</time> <span class=zone>(UTC)</span>',
    );
    expect(html).toContain(
      'Created <time datetime="2026-12-07T10:00:00.000Z">2026-12-07 10:00</time> <span class=zone>(UTC)</span>',
    );
    expect(html).toContain('Refresh in: <span class="countdown">05:00</span>');
    expect(html).toContain('<noscript><meta http-equiv="refresh" content="300"></noscript>');
    expect(html).toContain(`<script src="${STATUS_PAGE_SCRIPT_PATH}" defer></script>`);
    // theme, custom CSS, feed
    expect(html).toContain('<body class="theme-auto">');
    expect(html).toContain('<style>h1{letter-spacing:1px}</style>');
    expect(html).toContain('href="/status/main/feed.atom"');
  });

  it('leaves out what the config turns off', () => {
    const html = renderStatusPage(
      view({
        config: config({
          showTags: false,
          showCertificateExpiry: false,
          showPoweredBy: false,
          autoRefreshInterval: 0,
          theme: 'dark',
          icon: null,
        }),
        incident: null,
      }),
    );
    expect(html).not.toContain('class=tag');
    expect(html).not.toContain('Certificate:');
    expect(html).not.toContain('Powered by');
    expect(html).not.toContain('Refresh in');
    expect(html).not.toContain('http-equiv="refresh"');
    // The script still shows the times in the visitor's zone; it refreshes nothing.
    expect(html).toContain(`<script src="${STATUS_PAGE_SCRIPT_PATH}" defer></script>`);
    expect(html).not.toContain('class="card incident');
    expect(html).toContain('<body class="theme-dark">');
    // no stored icon: the default mark, drawn inline
    expect(html).toContain('<svg class="logo"');
    expect(html).toContain('Last Updated');
  });

  it('keeps a footer, description or incident with <script> inert', () => {
    const evil = '<script>alert(1)</script> <img src=x onerror=alert(2)> [x](javascript:alert(3))';
    const html = renderStatusPage(
      view({
        config: config({ footerText: evil, description: evil, title: evil }),
        incident: { ...incident, title: evil, content: evil },
      }),
    );
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    // the page's own script tag is the only one
    expect(html.match(/<script/g)).toHaveLength(1);
  });

  it("lists maintenance in progress, and every time, in the page's zone", () => {
    const html = renderStatusPage(
      view({
        timeZone: 'America/New_York',
        incident: { ...incident, lastUpdatedDate: '2026-12-07 11:30:00' },
        maintenances: [
          {
            id: 1,
            title: 'Database upgrade',
            description: 'Writes are **paused**.',
            strategy: 'recurring-weekday',
            intervalDay: null,
            active: true,
            dateRange: [],
            timeRange: [],
            weekdays: [1],
            daysOfMonth: [],
            timeslotList: [
              { startDate: '2026-12-07T11:00:00.000Z', endDate: '2026-12-07T13:00:00.000Z' },
            ],
            cron: null,
            duration: 7200,
            durationMinutes: 120,
            timezone: 'Europe/Berlin',
            timezoneOption: 'Europe/Berlin',
            timezoneOffset: '+01:00',
            status: 'under-maintenance',
          },
        ],
        groups: [{ id: 1, name: 'g', weight: 1, monitors: [monitor(1, MAINTENANCE)] }],
      }),
    );
    expect(html).toContain('Database upgrade');
    expect(html).toContain('Writes are <strong>paused</strong>.');
    // Planned in Berlin, shown in the page's zone with the zone named.
    expect(html).toContain(
      '<time datetime="2026-12-07T11:00:00.000Z">2026-12-07 06:00</time> – <time datetime="2026-12-07T13:00:00.000Z">2026-12-07 08:00</time> <span class=zone>(America/New_York, UTC-05:00)</span>',
    );
    expect(html).toContain(
      'Created <time datetime="2026-12-07T10:00:00.000Z">2026-12-07 05:00</time> <span class=zone>(America/New_York, UTC-05:00)</span> · Last updated <time datetime="2026-12-07T11:30:00.000Z">2026-12-07 06:30</time>',
    );
    expect(html).toContain(
      'Last Updated: <time datetime="2026-12-07T12:00:00.000Z">2026-12-07 07:00:00</time> <span class=zone>(America/New_York, UTC-05:00)</span>',
    );
    expect(html).not.toContain(' UTC</');
    expect(html).toMatch(/v-maintenance.*Maintenance<\/p>/);
  });

  it('shows no verdict on a page without groups and an unknown one without beats', () => {
    expect(renderStatusPage(view({ groups: [] }))).not.toContain('class="verdict');
    const pending = renderStatusPage(
      view({
        groups: [
          { id: 1, name: 'g', weight: 1, monitors: [monitor(1, null), monitor(2, PENDING)] },
        ],
      }),
    );
    expect(pending).toContain('Degraded Service');
    const fresh = renderStatusPage(
      view({ groups: [{ id: 1, name: 'g', weight: 1, monitors: [monitor(1, null)] }] }),
    );
    expect(fresh).toContain('No data yet');
  });

  it('weighs under 100 KB for 100 monitors with 30 beats and 90 days each', () => {
    const DAY_MS = 86_400_000;
    const today = Math.floor(NOW.getTime() / DAY_MS) * DAY_MS;
    const monitors = Array.from({ length: 100 }, (_, i) =>
      monitor(i + 1, i % 17 === 2 ? DOWN : UP, {
        name: `Service ${i + 1}`,
        url: `https://service-${i + 1}.example.com/`,
        sendUrl: i % 25 === 0,
        certValid: true,
        certDaysRemaining: 30 + i,
      }),
    );
    const html = renderStatusPage(
      view({
        groups: [0, 1, 2, 3].map((g) => ({
          id: g,
          name: `Region ${g + 1}`,
          weight: g,
          monitors: monitors.slice(g * 25, g * 25 + 25),
        })),
        uptimes: new Map(monitors.map((m) => [m.id, m.status === UP ? 1 : 0.8333])),
        beats: new Map(
          monitors.map((m) => [
            m.id,
            Array.from({ length: 30 }, (_, k) => ({
              status: m.status === DOWN && k >= 25 ? DOWN : UP,
              time: new Date(NOW.getTime() - (30 - k) * 60_000),
            })),
          ]),
        ),
        // An outage day now and then: about one day in thirty per monitor.
        days: new Map(
          monitors.map((m) => [
            m.id,
            Array.from({ length: HISTORY_DAYS }, (_, d) => {
              const down = (m.id * 31 + d * 7) % 97 < 3 ? ((m.id * 13 + d) % 90) + 1 : 0;
              return { day: new Date(today - d * DAY_MS), up: 1440 - down, down };
            }),
          ]),
        ),
        tags: new Map(
          monitors.map((m) => [m.id, [{ name: 'region', value: 'eu', color: '#2563eb' }]]),
        ),
      }),
    );
    expect(Buffer.byteLength(html)).toBeLessThan(100 * 1024);
  });

  it('escapes markup and attribute quotes', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&`)).toBe(
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;',
    );
  });

  it('keeps custom CSS from closing its <style> element in any letter case', () => {
    expect(sanitizeCss('a{}</STYLE><script>x</script>')).not.toMatch(/<\/style/i);
    expect(sanitizeCss('a{}</STYLE><script>')).not.toContain('<');
  });

  it('shows only safe icon and monitor URLs', () => {
    const render = (icon: string, url: string) =>
      renderStatusPage(
        view({
          config: config({ icon }),
          groups: [
            { id: 1, name: 'g', weight: 1, monitors: [monitor(1, UP, { url, sendUrl: true })] },
          ],
        }),
      );
    expect(render('javascript:alert(1)', 'javascript:alert(1)')).not.toMatch(/<img|javascript:/);
    expect(render('//evil.test/x.png', '//evil.test')).not.toMatch(/<img|evil\.test/);
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
    expect(statusPageBadge(group(UP, MAINTENANCE), q)).toMatchObject({ message: 'Maintenance' });
    expect(statusPageBadge(group(null), q)).toMatchObject({ message: 'N/A', color: '#999' });
    expect(statusPageBadge([], q)).not.toHaveProperty('label');
  });
});
