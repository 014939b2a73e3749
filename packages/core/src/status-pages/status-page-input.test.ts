import { describe, expect, it } from 'vitest';
import {
  incidentInputSchema,
  logoInputSchema,
  MAX_LOGO_BYTES,
  parseNewStatusPage,
  publicGroupListSchema,
  statusPageConfigSchema,
} from './status-page-input.js';

const PNG_HEADER = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const dataUrl = (bytes: Buffer) => `data:image/png;base64,${bytes.toString('base64')}`;

describe('status page input', () => {
  it('trims, lower-cases and checks a new slug in upstream order', () => {
    expect(parseNewStatusPage(' T ', ' My-Page ')).toEqual({
      ok: true,
      title: 'T',
      slug: 'my-page',
    });
    expect(parseNewStatusPage('', 'x')).toEqual({ ok: false, msg: 'Please input all fields' });
    expect(parseNewStatusPage('T', '-x')).toEqual({ ok: false, msg: 'Invalid Slug' });
    expect(parseNewStatusPage('T', '../etc')).toEqual({ ok: false, msg: 'Invalid Slug' });
  });

  it('reads back what the Python client sends, nulls included, and ignores unknown keys', () => {
    const parsed = statusPageConfigSchema.parse({
      slug: 'Main',
      title: 'T',
      description: null,
      theme: null,
      showTags: null,
      published: false,
      id: 7,
      incident: {},
      domainNameList: [' A.test ', '', 'a.test'],
    });
    expect(parsed).toMatchObject({
      slug: 'Main',
      theme: 'auto',
      showTags: false,
      showPoweredBy: true,
    });
    expect(parsed.domainNameList).toEqual(['a.test']);
    expect(parsed).not.toHaveProperty('id');
  });

  it("takes Kuma 2.0's autoRefreshInterval: 5 minutes by default, 0 for never, else 30 s to a day", () => {
    const parse = (autoRefreshInterval: unknown) =>
      statusPageConfigSchema.safeParse({ slug: 'm', title: 'T', autoRefreshInterval });
    expect(parse(undefined).data?.autoRefreshInterval).toBe(300);
    expect(parse(null).data?.autoRefreshInterval).toBe(300);
    expect(parse(0).data?.autoRefreshInterval).toBe(0);
    expect(parse(60).data?.autoRefreshInterval).toBe(60);
    for (const bad of [5, 86_401, 1.5, '300']) {
      expect(parse(bad).error?.issues[0]?.message).toMatch(/refresh interval/);
    }
  });

  it('accepts PNG bytes only, up to the size limit, and keeps other strings as icon URLs', () => {
    expect(logoInputSchema.parse(dataUrl(PNG_HEADER))).toMatchObject({ kind: 'png' });
    expect(logoInputSchema.parse('/icon.svg')).toEqual({ kind: 'url', icon: '/icon.svg' });
    expect(logoInputSchema.parse(null)).toEqual({ kind: 'url', icon: null });
    const tooBig = Buffer.concat([PNG_HEADER, Buffer.alloc(MAX_LOGO_BYTES)]);
    expect(logoInputSchema.safeParse(dataUrl(tooBig)).error?.issues[0]?.message).toMatch(/at most/);
    expect(logoInputSchema.safeParse('data:text/html;base64,PGI+').error?.issues[0]?.message).toBe(
      'Only allowed PNG logo.',
    );
  });

  it('keeps extra group keys and normalises sendUrl', () => {
    expect(
      publicGroupListSchema.parse([{ name: 'g', weight: 3, monitorList: [{ id: 1, sendUrl: 1 }] }]),
    ).toEqual([{ name: 'g', weight: 3, monitorList: [{ id: 1, sendUrl: true }] }]);
    expect(incidentInputSchema.parse({ title: 't', content: 'c' }).style).toBe('warning');
  });
});
