import { describe, expect, it } from 'vitest';
import type { TlsInfo } from '@watchpost/core';
import { DOWN, MAINTENANCE, PENDING, UP } from '@watchpost/core';
import {
  notAvailableBadge,
  renderBadge,
  toBadgeFormat,
  type BadgeFacts,
  type BadgeFormat,
} from './badge-format.js';
import { parseBadgeRequest } from './badge-params.js';
import { BADGE_ELEMENTS, inspectSvg } from './inspect-svg.js';
import { BADGE_STYLES, type BadgeKind } from './badge-request.js';

function facts(overrides: Partial<BadgeFacts> = {}): BadgeFacts {
  return { status: UP, lastPing: 123.9, tls: null, ...overrides };
}

function tls(valid: boolean, daysRemaining: number): TlsInfo {
  return {
    valid,
    certInfo: { daysRemaining, validTo: '2030-01-31T12:00:00.000Z' },
  } as TlsInfo;
}

function format(
  kind: BadgeKind,
  f: BadgeFacts | undefined,
  query: Record<string, string> = {},
  duration?: string,
): BadgeFormat {
  const parsed = parseBadgeRequest(kind, { id: '1', duration }, query);
  if (!parsed.ok) throw new Error(parsed.msg);
  return toBadgeFormat(parsed.request, f);
}

describe('toBadgeFormat', () => {
  it('gives the label-less grey N/A badge whenever there are no facts (private or missing)', () => {
    for (const kind of [
      'status',
      'uptime',
      'ping',
      'avg-response',
      'cert-exp',
      'response',
    ] as const) {
      expect(format(kind, undefined, { label: 'x', style: 'plastic' })).toEqual({
        style: 'plastic',
        message: 'N/A',
        color: '#999',
      });
    }
  });

  it('status: label "Status" and Kuma’s word and colour per status', () => {
    expect(format('status', facts({ status: UP }))).toEqual({
      style: 'flat',
      label: 'Status',
      message: 'Up',
      color: '#66c20a',
    });
    expect(format('status', facts({ status: DOWN }))).toMatchObject({
      message: 'Down',
      color: '#c2290a',
    });
    expect(format('status', facts({ status: PENDING }))).toMatchObject({
      message: 'Pending',
      color: '#f8a306',
    });
    expect(format('status', facts({ status: MAINTENANCE }))).toMatchObject({
      message: 'Maintenance',
      color: '#1747f5',
    });
  });

  it('status: custom words and colours, demo value, unknown value and no beats', () => {
    const query = { label: 'API', upLabel: 'fine', upColor: 'green' };
    expect(format('status', facts(), query)).toMatchObject({
      label: 'API',
      message: 'fine',
      color: 'green',
    });
    expect(format('status', facts({ status: UP }), { value: '0' })).toMatchObject({
      message: 'Down',
    });
    expect(format('status', facts(), { value: '9' })).toEqual({
      style: 'flat',
      label: 'Status',
      message: 'N/A',
      color: '#999',
    });
    expect(format('status', facts({ status: null }))).toEqual(notAvailableBadge('flat'));
  });

  it('uptime: four significant digits and the HSL colour', () => {
    const at = (uptime: number) => format('uptime', facts({ uptime }));
    expect(at(1)).toEqual({
      style: 'flat',
      label: 'Uptime (24h)',
      message: '100.0%',
      color: '#66c20a',
      labelColor: '',
    });
    expect(at(0.9995).message).toBe('99.95%');
    expect(at(0.99994).message).toBe('99.99%');
    expect(at(0.5)).toMatchObject({ message: '50.00%', color: '#c2a30a' });
    expect(at(0)).toMatchObject({ message: '0.000%', color: '#c2290a' });
  });

  it('uptime: prefix, suffix, label parts, fixed colour and demo value', () => {
    const query = {
      labelPrefix: 'API ',
      labelSuffix: ' hours',
      prefix: '~',
      suffix: ' %',
      color: 'blue',
    };
    expect(format('uptime', facts({ uptime: 0.5 }), query, '720')).toMatchObject({
      label: 'API Uptime (720 hours)',
      message: '~50.00 %',
      color: 'blue',
    });
    expect(format('uptime', facts({ uptime: 0.5 }), { label: 'up', value: '0.25' })).toMatchObject({
      label: 'up',
      message: '25.00%',
    });
  });

  it('ping and avg-response: truncated average, N/A without samples', () => {
    expect(format('ping', facts({ avgPing: 87 }))).toEqual({
      style: 'flat',
      label: 'Avg. Ping (24h)',
      message: '87ms',
      color: 'blue',
      labelColor: '',
    });
    expect(
      format('avg-response', facts({ avgPing: 87 }), { labelSuffix: '!' }, '48'),
    ).toMatchObject({
      label: 'Avg. Response (48h)!',
      message: '87ms',
    });
    expect(format('ping', facts({ avgPing: 87 }), {}, '1000')).toMatchObject({
      label: 'Avg. Ping (720h)',
    });
    expect(format('ping', facts({ avgPing: 87 }), { value: '12.9' })).toMatchObject({
      message: '12ms',
    });
    expect(format('ping', facts({ avgPing: null }))).toEqual(notAvailableBadge('flat'));
  });

  it('cert-exp: days with thresholds, the date on request, and the no-cert cases', () => {
    expect(format('cert-exp', facts({ tls: tls(true, 56) }))).toEqual({
      style: 'flat',
      label: 'Cert Exp.',
      message: '56 days',
      color: '#66c20a',
      labelColor: '',
    });
    expect(format('cert-exp', facts({ tls: tls(true, 10) })).color).toBe('#eed202');
    expect(format('cert-exp', facts({ tls: tls(true, 7) })).color).toBe('#c2290a');
    expect(format('cert-exp', facts({ tls: tls(true, 0) })).message).toBe('0 days');
    expect(format('cert-exp', facts({ tls: tls(true, 20) }), { warnDays: '30' }).color).toBe(
      '#eed202',
    );
    expect(format('cert-exp', facts({ tls: tls(true, 56) }), { date: 'true' }).message).toBe(
      '2030-01-31T12:00:00.000Z',
    );
    expect(format('cert-exp', facts({ tls: null }))).toEqual({
      style: 'flat',
      message: 'No/Bad Cert',
      color: '#999',
    });
    expect(format('cert-exp', facts({ tls: tls(false, 56) }))).toEqual({
      style: 'flat',
      message: 'Bad Cert',
      color: '#c2290a',
    });
  });

  it('response: latest ping truncated, N/A without one', () => {
    expect(format('response', facts({ lastPing: 123.9 }))).toEqual({
      style: 'flat',
      label: 'Response',
      message: '123ms',
      color: 'blue',
      labelColor: '',
    });
    expect(format('response', facts({ lastPing: null }))).toEqual(notAvailableBadge('flat'));
  });
});

describe('renderBadge', () => {
  it('renders well-formed SVG in every style', () => {
    for (const style of BADGE_STYLES) {
      const svg = renderBadge({
        style,
        label: 'Uptime (24h)',
        message: '99.95%',
        color: '#66c20a',
      });
      expect(inspectSvg(svg).title.toLowerCase()).toBe('uptime (24h): 99.95%');
    }
  });

  it('keeps hostile text and colours inside their element in every style', () => {
    const label = `<script>alert("x")</script> & 'q' ]]><!--`;
    const message = `"><svg onload=alert(1)>`;
    for (const style of BADGE_STYLES) {
      const svg = renderBadge({ style, label, message, color: `#fff" onload="alert(1)` });
      const { elements, attributes, title } = inspectSvg(svg);
      expect([...elements].filter((e) => !BADGE_ELEMENTS.has(e))).toEqual([]);
      expect([...attributes].filter((a) => a.toLowerCase().startsWith('on'))).toEqual([]);
      // for-the-badge writes upper case; the text itself arrives intact either way.
      expect(title.toLowerCase()).toBe(`${label}: ${message}`.toLowerCase());
    }
  });
});
