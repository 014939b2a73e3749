import { expect } from 'vitest';
import { insertMonitor } from '../../testing/api-test-context.js';
import { DATETIME, fail, nullOr, ok, okMsg, type Step } from '../conformance-step.js';
import type { World } from '../conformance-world.js';
import { answerOf, read } from '../read-back.js';

// docs/protocol/status-pages.md. Slugs are looked up per tenant, so another tenant's slug is simply unknown.

const SLUG = 'alpha-page';
const NO_SLUG = 'No slug?';
const PAGE_NOT_FOUND = 'Status Page is not found';
const INCIDENT_SLUG = 'slug is not found';

const monitorId = (w: World) => w.saved['pageMonitor'] as number;
const samePage = (w: World) => answerOf(w, 'getStatusPage', () => [SLUG])();

/** docs/protocol/status-pages.md#object-shapes StatusPageConfig with every key. */
const pageConfig = (overrides: Record<string, unknown> = {}) => ({
  id: expect.any(Number),
  slug: SLUG,
  title: 'Alpha Page',
  description: nullOr('string'),
  icon: '/icon.svg',
  theme: 'auto',
  published: true,
  showTags: false,
  domainNameList: [],
  customCSS: nullOr('string'),
  footerText: nullOr('string'),
  showPoweredBy: true,
  googleAnalyticsId: nullOr('string'),
  showCertificateExpiry: false,
  autoRefreshInterval: 300,
  ...overrides,
});

const saveConfig = (title: string) => ({
  slug: SLUG,
  title,
  description: 'all of alpha',
  theme: 'dark',
  showTags: false,
  domainNameList: [],
  customCSS: '',
  footerText: 'footer',
  showPoweredBy: true,
  googleAnalyticsId: null,
  showCertificateExpiry: false,
});

/** docs/protocol/status-pages.md#json-endpoints / docs/protocol/compatibility.md#what-the-python-client-does-itself: Python reads groups and the incident over HTTP. */
async function publicPage(w: World): Promise<Record<string, unknown>> {
  const response = await fetch(`${w.ctx.node.url}/api/status-page/${SLUG}`);
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

/** Bob tries tenant A's slug with every slug-taking event of docs/protocol/status-pages.md. */
function strangerSteps(): Step[] {
  const base = {
    as: 'b' as const,
    unchanged: async (w: World) => [await samePage(w), await publicPage(w)],
  };
  return [
    {
      ...base,
      event: 'getStatusPage',
      title: 'another tenant’s slug is unknown',
      args: () => [SLUG],
      ack: fail(NO_SLUG),
    },
    {
      ...base,
      event: 'saveStatusPage',
      title: 'another tenant’s slug is unknown',
      args: () => [SLUG, saveConfig('bob'), '/icon.svg', []],
      ack: fail(NO_SLUG),
    },
    {
      ...base,
      event: 'postIncident',
      title: 'another tenant’s slug is unknown',
      args: () => [SLUG, { title: 'bob', content: 'bob', style: 'info' }],
      ack: fail(INCIDENT_SLUG),
    },
    // docs/protocol/status-pages.md: no error for an unknown slug; it must unpin nothing of tenant A.
    {
      ...base,
      event: 'unpinIncident',
      title: 'another tenant’s slug unpins nothing',
      args: () => [SLUG],
      ack: ok(),
    },
    {
      ...base,
      event: 'deleteStatusPage',
      title: 'another tenant’s slug is not found',
      args: () => [SLUG],
      ack: fail(PAGE_NOT_FOUND),
    },
  ];
}

export function statusPageSteps(): Step[] {
  return [
    {
      event: 'addStatusPage',
      title: 'creates, title first',
      args: () => ['Alpha Page', SLUG],
      ack: okMsg('OK!'),
      readBack: async (w) => {
        expect((await read(w, 'getStatusPage', [SLUG])).config).toStrictEqual(pageConfig());
      },
    },
    {
      // Upstream answers with the database's uniqueness error; Watchpost with its own text.
      event: 'addStatusPage',
      title: 'a slug the tenant already uses',
      args: () => ['Again', SLUG],
      ack: fail('This slug is already used by another status page.'),
      unchanged: samePage,
    },
    {
      event: 'addStatusPage',
      title: 'empty fields',
      args: () => [' ', ''],
      ack: fail('Please input all fields'),
    },
    {
      event: 'addStatusPage',
      title: 'an invalid slug',
      args: () => ['Bad', 'bad slug!'],
      ack: fail('Invalid Slug'),
      unchanged: (w) => answerOf(w, 'getStatusPage', () => ['bad slug!'])(),
    },
    {
      event: 'getStatusPage',
      title: 'answers the config',
      args: () => [SLUG],
      ack: ok({ config: pageConfig(), domainVerification: [] }),
    },
    {
      event: 'getStatusPage',
      title: 'unknown slug',
      args: () => ['no-such-page'],
      ack: fail(NO_SLUG),
    },
    {
      event: 'saveStatusPage',
      title: 'saves config and groups; acks the groups with ids',
      arrange: async (w) => {
        w.saved['pageMonitor'] = await insertMonitor(w.ctx.db, w.alice.tenantId, {
          name: 'alpha-listed',
        });
      },
      args: (w) => [
        SLUG,
        saveConfig('Alpha Page 2'),
        '/icon.svg',
        [{ name: 'Services', monitorList: [{ id: monitorId(w) }] }],
      ],
      ack: (w: World) =>
        ok({
          publicGroupList: [
            { id: expect.any(Number), name: 'Services', monitorList: [{ id: monitorId(w) }] },
          ],
          domainVerification: [],
        }),
      readBack: async (w) => {
        expect((await read(w, 'getStatusPage', [SLUG])).config).toStrictEqual(
          pageConfig({
            title: 'Alpha Page 2',
            description: 'all of alpha',
            theme: 'dark',
            footerText: 'footer',
          }),
        );
        const groups = (await publicPage(w)).publicGroupList as Record<string, unknown>[];
        expect(groups).toMatchObject([
          { name: 'Services', monitorList: [{ id: monitorId(w), name: 'alpha-listed' }] },
        ]);
      },
    },
    {
      event: 'saveStatusPage',
      title: 'unknown slug',
      args: () => ['no-such-page', saveConfig('x'), '/icon.svg', []],
      ack: fail(NO_SLUG),
    },
    {
      event: 'saveStatusPage',
      title: 'a logo that is not a PNG',
      args: () => [SLUG, saveConfig('x'), 'data:image/jpeg;base64,AAAA', []],
      ack: fail('Only allowed PNG logo.'),
      unchanged: samePage,
    },
    {
      event: 'postIncident',
      title: 'creates a pinned incident',
      args: () => [SLUG, { title: 'Alpha down', content: 'looking', style: 'danger' }],
      ack: ok({
        incident: {
          id: expect.any(Number),
          style: 'danger',
          title: 'Alpha down',
          content: 'looking',
          pin: true,
          createdDate: expect.stringMatching(DATETIME),
        },
      }),
      readBack: async (w) => {
        expect((await publicPage(w)).incident).toMatchObject({ title: 'Alpha down', pin: 1 });
      },
    },
    {
      event: 'postIncident',
      title: 'unknown slug',
      args: () => ['no-such-page', { title: 't', content: 'c', style: 'info' }],
      ack: fail(INCIDENT_SLUG),
    },
    ...strangerSteps(),
    {
      event: 'unpinIncident',
      title: 'unpins',
      args: () => [SLUG],
      ack: ok(),
      readBack: async (w) => expect((await publicPage(w)).incident).toBeNull(),
    },
    {
      event: 'unpinIncident',
      title: 'a slug that is not text',
      args: () => [42],
      ack: fail(NO_SLUG),
    },
    {
      event: 'deleteStatusPage',
      title: 'deletes',
      args: () => [SLUG],
      ack: ok(),
      readBack: async (w) => {
        expect(await w.a.call('getStatusPage', SLUG)).toEqual(fail(NO_SLUG));
      },
    },
    {
      event: 'deleteStatusPage',
      title: 'a slug that is gone',
      args: () => [SLUG],
      ack: fail(PAGE_NOT_FOUND),
    },
  ];
}
