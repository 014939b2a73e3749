import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { describe, expect, it } from 'vitest';
import type { MonitorMetrics } from '@watchpost/core/db';
import {
  escapeLabelValue,
  renderKumaMetrics,
  sanitizeLabelName,
  tagLabels,
} from './render-kuma-metrics.js';

function makeMonitor(overrides: Partial<MonitorMetrics> = {}): MonitorMetrics {
  return {
    id: 1,
    name: 'Google',
    type: 'http',
    url: 'https://google.com',
    hostname: null,
    port: null,
    status: 1,
    pingMs: 42,
    tls: null,
    tags: [],
    ...overrides,
  };
}

const KUMA_FAMILIES = [
  ['monitor_cert_days_remaining', 'The number of days remaining until the certificate expires'],
  ['monitor_cert_is_valid', 'Is the certificate still valid? (1 = Yes, 0= No)'],
  ['monitor_response_time', 'Monitor Response Time (ms)'],
  ['monitor_status', 'Monitor Status (1 = UP, 0= DOWN, 2= PENDING, 3= MAINTENANCE)'],
];

describe('renderKumaMetrics', () => {
  it('always declares Kuma’s four gauge families, in upstream’s order, with its HELP texts', () => {
    const text = renderKumaMetrics([]);
    expect(text).toBe(
      KUMA_FAMILIES.map(([name, help]) => `# HELP ${name} ${help}\n# TYPE ${name} gauge\n`).join(
        '',
      ),
    );
  });

  it('writes upstream’s example line, with monitor_id first and null as the text null', () => {
    const text = renderKumaMetrics([makeMonitor({ id: 7, status: 1 })]);
    expect(text).toContain(
      'monitor_status{monitor_id="7",monitor_name="Google",monitor_type="http",' +
        'monitor_url="https://google.com",monitor_hostname="null",monitor_port="null"} 1\n',
    );
    expect(text).toContain('monitor_response_time{monitor_id="7",');
    expect(text.endsWith('\n')).toBe(true);
  });

  it('renders a port monitor’s hostname and port, and -1 for a beat without ping', () => {
    const text = renderKumaMetrics([
      makeMonitor({ type: 'port', url: null, hostname: 'db.local', port: 5432, pingMs: null }),
    ]);
    const [family] = parsePrometheusTextFormat(text).filter(
      (f) => f.name === 'monitor_response_time',
    );
    expect(family?.metrics).toEqual([
      {
        value: '-1',
        labels: {
          monitor_id: '1',
          monitor_name: 'Google',
          monitor_type: 'port',
          monitor_url: 'null',
          monitor_hostname: 'db.local',
          monitor_port: '5432',
        },
      },
    ]);
  });

  it('shows certificate families only for monitors with TLS facts', () => {
    const text = renderKumaMetrics([
      makeMonitor({ id: 1, tls: { valid: true, daysRemaining: 89 } }),
      makeMonitor({ id: 2, tls: { valid: false, daysRemaining: -3 } }),
      makeMonitor({ id: 3, tls: { valid: false, daysRemaining: null } }),
      makeMonitor({ id: 4 }),
    ]);
    const byName = new Map(parsePrometheusTextFormat(text).map((f) => [f.name, f]));
    const values = (name: string) =>
      byName.get(name)?.metrics.map((m) => [m.labels?.monitor_id, m.value]);
    expect(values('monitor_cert_days_remaining')).toEqual([
      ['1', '89'],
      ['2', '-3'],
    ]);
    expect(values('monitor_cert_is_valid')).toEqual([
      ['1', '1'],
      ['2', '0'],
      ['3', '0'],
    ]);
    expect(values('monitor_status')).toHaveLength(4);
    for (const family of byName.values()) expect(family.type).toBe('GAUGE');
  });

  it('escapes backslash, newline and double quote in label values, and nothing else', () => {
    const name = 'a\\b\n"c" & <d> é';
    expect(escapeLabelValue(name)).toBe('a\\\\b\\n\\"c\\" & <d> é');
    const text = renderKumaMetrics([makeMonitor({ name })]);
    const status = parsePrometheusTextFormat(text).find((f) => f.name === 'monitor_status');
    expect(status?.metrics[0]?.labels?.monitor_name).toBe(name);
  });

  it('adds one label per tag after the core labels, and drops it when the tag goes', () => {
    const tagged = renderKumaMetrics([
      makeMonitor({
        tags: [
          { name: 'env', value: 'prod' },
          { name: 'Team Name', value: 'sre' },
        ],
      }),
    ]);
    expect(tagged).toContain(
      'monitor_status{monitor_id="1",monitor_name="Google",monitor_type="http",' +
        'monitor_url="https://google.com",monitor_hostname="null",monitor_port="null",' +
        'TeamName="sre",env="prod"} 1\n',
    );
    const untagged = renderKumaMetrics([makeMonitor({ tags: [] })]);
    expect(untagged).not.toContain('env=');
    expect(untagged).not.toContain('TeamName=');
  });
});

describe('tag labels', () => {
  it('sanitises names like Kuma 2.x: only [A-Za-z0-9_], not starting with a digit', () => {
    expect(sanitizeLabelName('en-v!@#')).toBe('env');
    expect(sanitizeLabelName('1env')).toBe('env');
    expect(sanitizeLabelName('_private')).toBe('_private');
    expect(sanitizeLabelName('région')).toBe('rgion');
    expect(sanitizeLabelName('42')).toBe('');
  });

  it('joins several values of one name, sorted, and reads a tag without value as null', () => {
    expect(
      tagLabels([
        { name: 'region', value: 'us' },
        { name: 're-gion', value: 'eu' },
        { name: 'region', value: 'eu' },
        { name: 'critical', value: null },
        { name: 'blank', value: '' },
      ]),
    ).toEqual([
      ['blank', 'null'],
      ['critical', 'null'],
      ['region', 'eu,us'],
    ]);
  });

  it('keeps values as they are (escaped later) instead of stripping them', () => {
    expect(tagLabels([{ name: 'zone', value: 'eu-west-1 "a"' }])).toEqual([
      ['zone', 'eu-west-1 "a"'],
    ]);
  });

  it('leaves out names that sanitise to nothing, to a core label or to the reserved __', () => {
    expect(
      tagLabels([
        { name: '!!!', value: 'x' },
        { name: '123', value: 'x' },
        { name: 'monitor_name', value: 'spoof' },
        { name: 'monitor_id!', value: 'spoof' },
        { name: '__name__', value: 'spoof' },
      ]),
    ).toEqual([]);
  });
});
