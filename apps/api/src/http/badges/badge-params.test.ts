import { describe, expect, it } from 'vitest';
import { MAX_TEXT_LENGTH, parseBadgeRequest, type ParsedBadgeRequest } from './badge-params.js';
import type { BadgeKind, BadgeRequest } from './badge-request.js';

function parse(kind: BadgeKind, query: Record<string, unknown> = {}, params = {}): BadgeRequest {
  const parsed = parseBadgeRequest(kind, { id: '7', ...params }, query);
  if (!parsed.ok) throw new Error(parsed.msg);
  return parsed.request;
}

function refusal(parsed: ParsedBadgeRequest): string {
  if (parsed.ok) throw new Error('expected a refusal');
  return parsed.msg;
}

describe('parseBadgeRequest defaults (docs/protocol/http.md#badges)', () => {
  it('status', () => {
    expect(parse('status')).toEqual({
      kind: 'status',
      monitorId: 7,
      style: 'flat',
      params: {
        label: undefined,
        upLabel: 'Up',
        downLabel: 'Down',
        pendingLabel: 'Pending',
        maintenanceLabel: 'Maintenance',
        upColor: '#66c20a',
        downColor: '#c2290a',
        pendingColor: '#f8a306',
        maintenanceColor: '#1747f5',
        value: undefined,
      },
    });
  });

  it('uptime: 24 hours, "h" after the duration, "%" after the value', () => {
    expect(parse('uptime')).toEqual({
      kind: 'uptime',
      monitorId: 7,
      style: 'flat',
      hours: 24,
      params: {
        label: undefined,
        labelPrefix: undefined,
        labelSuffix: 'h',
        prefix: undefined,
        suffix: '%',
        color: undefined,
        labelColor: '',
        value: undefined,
      },
    });
  });

  it('ping: 24 hours, blue, "ms"; avg-response has no label suffix', () => {
    const ping = parse('ping');
    expect(ping).toMatchObject({ kind: 'ping', hours: 24 });
    expect(ping.params).toEqual({
      label: undefined,
      labelPrefix: undefined,
      labelSuffix: 'h',
      prefix: undefined,
      suffix: 'ms',
      color: 'blue',
      labelColor: '',
      value: undefined,
    });
    expect(parse('avg-response').params).toEqual({ ...ping.params, labelSuffix: undefined });
  });

  it('cert-exp: 14 warn days, 7 down days, " days" unless the date is asked for', () => {
    expect(parse('cert-exp').params).toEqual({
      label: undefined,
      labelPrefix: undefined,
      labelSuffix: undefined,
      prefix: undefined,
      suffix: ' days',
      date: false,
      upColor: '#66c20a',
      warnColor: '#eed202',
      downColor: '#c2290a',
      warnDays: 14,
      downDays: 7,
      labelColor: '',
      value: undefined,
    });
    expect(parse('cert-exp', { date: '' }).params).toMatchObject({ date: true, suffix: '' });
    expect(parse('cert-exp', { date: 'true', suffix: ' UTC' }).params).toMatchObject({
      suffix: ' UTC',
    });
  });

  it('response: blue, "ms"', () => {
    expect(parse('response').params).toEqual({
      label: undefined,
      labelPrefix: undefined,
      labelSuffix: undefined,
      prefix: undefined,
      suffix: 'ms',
      color: 'blue',
      labelColor: '',
      value: undefined,
    });
  });
});

describe('parseBadgeRequest values', () => {
  it('keeps an empty label empty: Kuma hides the label then', () => {
    expect(parse('status', { label: '' }).params).toMatchObject({ label: '' });
  });

  it('reads numbers, durations with or without "h", and clamps ping windows to 720 h', () => {
    expect(parse('uptime', { value: '0.5' }, { duration: '720' })).toMatchObject({
      hours: 720,
      params: { value: 0.5 },
    });
    expect(parse('uptime', {}, { duration: '168h' })).toMatchObject({ hours: 168 });
    expect(parse('uptime', {}, { duration: '' })).toMatchObject({ hours: 24 });
    expect(parse('ping', {}, { duration: '9000' })).toMatchObject({ hours: 720 });
    expect(parse('cert-exp', { warnDays: '30', downDays: '3' }).params).toMatchObject({
      warnDays: 30,
      downDays: 3,
    });
    expect(parse('status', { value: '3' }).params).toMatchObject({ value: 3 });
  });

  it('takes the first of repeated parameters', () => {
    expect(parse('status', { label: ['a', 'b'], style: ['plastic', 'x'] })).toMatchObject({
      style: 'plastic',
      params: { label: 'a' },
    });
  });

  it('accepts every badge-maker style', () => {
    for (const style of ['flat', 'flat-square', 'for-the-badge', 'plastic', 'social']) {
      expect(parse('status', { style }).style).toBe(style);
    }
  });

  it('answers N/A-bound ids beyond any monitor instead of failing', () => {
    expect(parse('status', {}, { id: '99999999999999999999' }).monitorId).toBeNull();
    expect(parse('status', {}, { id: '2147483648' }).monitorId).toBeNull();
    expect(parse('status', {}, { id: '2147483647' }).monitorId).toBe(2147483647);
  });

  it('cuts absurdly long texts by code point and marks the cut', () => {
    const label = '😀'.repeat(5_000);
    const cut = parse('uptime', { label }).params.label ?? '';
    expect(Array.from(cut)).toHaveLength(MAX_TEXT_LENGTH);
    expect(cut.endsWith('😀…')).toBe(true);
  });
});

describe('parseBadgeRequest refusals', () => {
  it('names the parameter and the allowed styles for an unknown style', () => {
    expect(refusal(parseBadgeRequest('status', { id: '1' }, { style: 'neon' }))).toBe(
      'Invalid style: must be one of flat, flat-square, for-the-badge, plastic, social',
    );
  });

  it('refuses non-numeric ids, durations and numbers', () => {
    expect(refusal(parseBadgeRequest('status', { id: 'abc' }, {}))).toBe(
      'Invalid id: monitor id must be a whole number',
    );
    expect(refusal(parseBadgeRequest('status', { id: '-1' }, {}))).toMatch(/^Invalid id/);
    expect(refusal(parseBadgeRequest('uptime', { id: '1', duration: '7d' }, {}))).toMatch(
      /^Invalid duration: /,
    );
    expect(refusal(parseBadgeRequest('uptime', { id: '1' }, { value: 'lots' }))).toBe(
      'Invalid value: must be a number',
    );
    expect(refusal(parseBadgeRequest('status', { id: '1' }, { value: '1.5' }))).toBe(
      'Invalid value: must be a whole number',
    );
    expect(refusal(parseBadgeRequest('cert-exp', { id: '1' }, { warnDays: 'soon' }))).toBe(
      'Invalid warnDays: must be a number',
    );
  });

  it('refuses uptime windows past ten years', () => {
    expect(refusal(parseBadgeRequest('uptime', { id: '1', duration: '999999' }, {}))).toBe(
      'duration must be at most 87600 hours',
    );
  });
});
