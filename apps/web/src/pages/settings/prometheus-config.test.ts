import { describe, expect, it } from 'vitest';
import { scrapeConfig } from './prometheus-config.js';

describe('scrapeConfig', () => {
  it('targets the origin with the key as the basic-auth password', () => {
    expect(scrapeConfig('https://status.example.com:8443', 'uk1_abc')).toBe(
      [
        'scrape_configs:',
        '  - job_name: watchpost',
        '    scheme: https',
        '    metrics_path: /metrics',
        '    static_configs:',
        "      - targets: ['status.example.com:8443']",
        '    basic_auth:',
        "      password: 'uk1_abc'",
        '',
      ].join('\n'),
    );
  });

  it('shows a placeholder until a key is pasted', () => {
    expect(scrapeConfig('http://localhost:3001', '  ')).toContain("password: '<your API key>'");
    expect(scrapeConfig('http://localhost:3001', '')).toContain('scheme: http\n');
  });
});
