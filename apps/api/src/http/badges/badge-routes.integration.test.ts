import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@watchpost/core/testing';
import { DOWN, UP, type MonitorStatus, type TlsInfo } from '@watchpost/core';
import { heartbeatRepository } from '@watchpost/core/db';
import {
  createApiTestContext,
  httpMonitorPayload,
  insertMonitor,
  type ApiTestContext,
} from '../../testing/api-test-context.js';
import { BADGE_ELEMENTS, inspectSvg } from './inspect-svg.js';
import { BADGE_STYLES } from './badge-request.js';

let ctx: ApiTestContext;
/** Tenant A's public monitor with beats, a ping and a certificate. */
let publicId: number;
/** Tenant A's private monitor with the same kind of data. */
let privateId: number;
/** Tenant B's public monitor. */
let otherTenantId: number;
let missingId: number;

const ROUTES = ['status', 'uptime', 'ping', 'avg-response', 'cert-exp', 'response'] as const;

function tls(daysRemaining: number): TlsInfo {
  return {
    valid: true,
    certInfo: { daysRemaining, validTo: '2031-05-01T00:00:00.000Z' },
  } as TlsInfo;
}

async function beat(tenantId: number, monitorId: number, status: MonitorStatus, ping: number) {
  const now = Date.now();
  await heartbeatRepository.recordBeats(ctx.db, [
    {
      tenantId,
      monitorId,
      status,
      msg: '',
      time: new Date(now - 60_000),
      pingMs: ping,
      durationSec: 60,
      downCount: 0,
      important: false,
      retries: 0,
      nextDueAt: new Date(now + 60_000),
      tls: tls(56),
    },
  ]);
}

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${ctx.node.url}${path}`, { headers });
  return { status: response.status, headers: response.headers, body: await response.text() };
}

/** A URL no earlier request used, so this node's cache cannot answer it. */
let busted = 0;
const fresh = (path: string) => `${path}${path.includes('?') ? '&' : '?'}_=${++busted}`;

beforeAll(async () => {
  ctx = await createApiTestContext('badges');
  const a = await ctx.createUser('badge-owner');
  const b = await ctx.createUser('badge-neighbour');
  publicId = await insertMonitor(ctx.db, a.tenantId, { name: 'public', badgesPublic: true });
  privateId = await insertMonitor(ctx.db, a.tenantId, { name: 'private' });
  otherTenantId = await insertMonitor(ctx.db, b.tenantId, { name: 'theirs', badgesPublic: true });
  missingId = otherTenantId + 1_000;
  await beat(a.tenantId, publicId, UP, 123.4);
  await beat(a.tenantId, privateId, UP, 123.4);
  await beat(b.tenantId, otherTenantId, DOWN, 50);
});
afterAll(async () => ctx?.close());

describe('badges of a public monitor', () => {
  it('answer an SVG with Kuma’s CORS headers, caching headers and X-Frame-Options', async () => {
    const res = await get(`/api/badge/${publicId}/status`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')).toBe(
      'Origin, X-Requested-With, Content-Type, Accept',
    );
    expect(res.headers.get('cache-control')).toBe('public, max-age=30');
    expect(res.headers.get('etag')).toMatch(/^"[\w-]+"$/);
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(inspectSvg(res.body).title).toBe('Status: Up');
  });

  it('show every parameter default of docs/protocol/http.md#badges', async () => {
    const titles: Record<string, string> = {};
    for (const route of ROUTES) {
      titles[route] = inspectSvg((await get(`/api/badge/${publicId}/${route}`)).body).title;
    }
    expect(titles).toEqual({
      status: 'Status: Up',
      uptime: 'Uptime (24h): 100.0%',
      ping: 'Avg. Ping (24h): 123ms',
      'avg-response': 'Avg. Response (24h): 123ms',
      'cert-exp': 'Cert Exp.: 56 days',
      response: 'Response: 123ms',
    });
    // Default colours: up green for status, uptime (100 %) and cert; blue for the pings.
    const colourOf = async (route: string) => (await get(`/api/badge/${publicId}/${route}`)).body;
    expect(await colourOf('status')).toContain('fill="#66c20a"');
    expect(await colourOf('uptime')).toContain('fill="#66c20a"');
    expect(await colourOf('cert-exp')).toContain('fill="#66c20a"');
    expect(await colourOf('response')).toContain('fill="#007ec6"');
  });

  it('take labels, affixes, colours and durations from the URL', async () => {
    const title = async (path: string) => inspectSvg((await get(fresh(path))).body).title;
    const id = publicId;
    expect(await title(`/api/badge/${id}/status?label=API&upLabel=fine`)).toBe('API: fine');
    expect(await title(`/api/badge/${id}/status?label=`)).toBe('Up');
    expect(await title(`/api/badge/${id}/uptime/720?labelPrefix=API%20&suffix=%20pct`)).toBe(
      'API Uptime (720h): 100.0 pct',
    );
    expect(await title(`/api/badge/${id}/uptime/24h?value=0.5`)).toBe('Uptime (24h): 50.00%');
    expect(await title(`/api/badge/${id}/ping/5000?prefix=~`)).toBe('Avg. Ping (720h): ~123ms');
    expect(await title(`/api/badge/${id}/avg-response/48?labelSuffix=!`)).toBe(
      'Avg. Response (48h)!: 123ms',
    );
    expect(await title(`/api/badge/${id}/cert-exp?date=true`)).toBe(
      'Cert Exp.: 2031-05-01T00:00:00.000Z',
    );
    expect(await title(`/api/badge/${id}/response?label=RTT&suffix=%20ms`)).toBe('RTT: 123 ms');
    const warned = await get(fresh(`/api/badge/${id}/cert-exp?warnDays=60&warnColor=orange`));
    expect(warned.body).toContain('fill="#ea7233"');
  });

  it('are well-formed XML in each of the five styles, for every route', async () => {
    for (const style of BADGE_STYLES) {
      for (const route of ROUTES) {
        const res = await get(`/api/badge/${publicId}/${route}?style=${style}`);
        expect(res.status).toBe(200);
        const { elements, title } = inspectSvg(res.body);
        expect([...elements].filter((e) => !BADGE_ELEMENTS.has(e))).toEqual([]);
        expect(title).not.toBe('N/A');
      }
    }
  });
});

describe('badges of private and missing monitors', () => {
  it('are the same grey label-less N/A, byte for byte, on every route and style', async () => {
    for (const route of ROUTES) {
      for (const style of ['flat', 'social']) {
        const [priv, missing, huge] = await Promise.all(
          [privateId, missingId, '99999999999'].map((id) =>
            get(`/api/badge/${id}/${route}?style=${style}&label=Mine`),
          ),
        );
        expect(priv?.status).toBe(200);
        expect(inspectSvg(priv?.body ?? '').title).toBe('N/A');
        // The social style draws its message box white whatever the colour.
        if (style === 'flat') expect(priv?.body).toContain('fill="#999"');
        expect(missing?.body).toBe(priv?.body);
        expect(huge?.body).toBe(priv?.body);
        expect(missing?.headers.get('etag')).toBe(priv?.headers.get('etag'));
      }
    }
  });

  it('do not depend on another tenant’s public switch: monitor ids are global', async () => {
    const theirs = await get(`/api/badge/${otherTenantId}/status`);
    expect(inspectSvg(theirs.body).title).toBe('Status: Down');
    const mine = await get(`/api/badge/${privateId}/status`);
    expect(inspectSvg(mine.body).title).toBe('N/A');
  });
});

describe('badgesPublic through the socket API', () => {
  it('is stored by add, returned in the monitor, and switching it off hides the badge at once', async () => {
    const user = await ctx.createUser('badge-socket');
    const client = await ctx.connect();
    await client.login(user);
    const added = (await client.call(
      'add',
      httpMonitorPayload({ name: 'toggled', badgesPublic: true }),
    )) as { ok: boolean; monitorID: number };
    expect(added.ok).toBe(true);
    const id = added.monitorID;
    const got = (await client.call('getMonitor', id)) as { monitor: Record<string, unknown> };
    expect(got.monitor).toMatchObject({ id, badgesPublic: true });

    const url = `/api/badge/${id}/status?label=Toggle`;
    // No beats yet: public, but nothing to show (docs/protocol/compatibility.md#badges-of-a-monitor-without-beats).
    expect(inspectSvg((await get(`/api/badge/${id}/uptime`)).body).title).toBe(
      'Uptime (24h): 0.000%',
    );
    await beat(user.tenantId, id, UP, 10);
    expect(inspectSvg((await get(url)).body).title).toBe('Toggle: Up');

    const edited = await client.call('editMonitor', {
      ...httpMonitorPayload({ name: 'toggled' }),
      id,
      badgesPublic: false,
    });
    expect(edited).toMatchObject({ ok: true });
    const list = (await client.call('getMonitor', id)) as { monitor: Record<string, unknown> };
    expect(list.monitor.badgesPublic).toBe(false);
    // Same URL as before: the monitor change empties the cache instead of waiting out the TTL.
    await waitFor(async () => expect(inspectSvg((await get(url)).body).title).toBe('N/A'));
  });
});

describe('conditional requests', () => {
  it('answer 304 without a body for a matching If-None-Match, 200 otherwise', async () => {
    const path = `/api/badge/${publicId}/uptime?style=plastic`;
    const first = await get(path);
    const etag = first.headers.get('etag') ?? '';
    const again = await get(path, { 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    expect(again.headers.get('cache-control')).toBe('public, max-age=30');
    expect(again.headers.get('access-control-allow-origin')).toBe('*');
    expect((await get(path, { 'If-None-Match': `"other", W/${etag}` })).status).toBe(304);
    expect((await get(path, { 'If-None-Match': '"other"' })).status).toBe(200);
  });
});

describe('hostile and bad input', () => {
  it('keeps script, quotes and ampersands inside the text in every style', async () => {
    const label = `<script>alert('x')</script>"&amp;`;
    const color = `red"><script>alert(1)</script>`;
    for (const style of BADGE_STYLES) {
      const path = `/api/badge/${publicId}/response?style=${style}&label=${encodeURIComponent(label)}&color=${encodeURIComponent(color)}`;
      const res = await get(path);
      expect(res.status).toBe(200);
      const { elements, attributes, title } = inspectSvg(res.body);
      expect([...elements].filter((e) => !BADGE_ELEMENTS.has(e))).toEqual([]);
      expect([...attributes].filter((a) => a.startsWith('on'))).toEqual([]);
      expect(title.toLowerCase()).toBe(`${label}: 123ms`.toLowerCase());
    }
  });

  it('cuts a 10 KB label to a bounded, well-formed badge', async () => {
    // Mostly plain text: percent-encoded, hostile characters triple in size, and Node refuses
    // request heads over 16 KB (431) before any route runs.
    const chunk = `${'x'.repeat(62)}<&"'>`;
    const label = chunk.repeat(160);
    expect(label.length).toBeGreaterThan(10_240);
    const res = await get(`/api/badge/${publicId}/status?label=${encodeURIComponent(label)}`);
    expect(res.status).toBe(200);
    const { elements, title } = inspectSvg(res.body);
    expect([...elements].filter((e) => !BADGE_ELEMENTS.has(e))).toEqual([]);
    expect(title.startsWith(chunk + chunk)).toBe(true);
    expect(title).toBe(`${label.slice(0, 199)}…: Up`);
    expect(res.body.length).toBeLessThan(8_000);
  });

  it('refuses unknown styles and non-numeric ids, durations and values with 400 JSON', async () => {
    const cases: [string, string][] = [
      [
        `/api/badge/${publicId}/status?style=neon`,
        'Invalid style: must be one of flat, flat-square, for-the-badge, plastic, social',
      ],
      ['/api/badge/abc/status', 'Invalid id: monitor id must be a whole number'],
      [
        `/api/badge/${publicId}/uptime/week`,
        'Invalid duration: duration must be a whole number of hours, like 24 or 720h',
      ],
      [
        `/api/badge/${publicId}/ping/-1`,
        'Invalid duration: duration must be a whole number of hours, like 24 or 720h',
      ],
      [`/api/badge/${publicId}/uptime?value=high`, 'Invalid value: must be a number'],
      [`/api/badge/${publicId}/cert-exp?downDays=x`, 'Invalid downDays: must be a number'],
    ];
    for (const [path, msg] of cases) {
      const res = await get(path);
      expect(res.status, path).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      expect(JSON.parse(res.body)).toEqual({ status: 'fail', msg });
    }
  });
});
