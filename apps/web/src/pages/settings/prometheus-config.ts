/**
 * A Prometheus scrape job for this server's `/metrics` (docs/protocol/http.md#prometheus-metrics):
 * HTTP Basic with the API key as the password, as Kuma documents it.
 */
export function scrapeConfig(origin: string, apiKey: string): string {
  const url = new URL(origin);
  const key = apiKey.trim() === '' ? '<your API key>' : apiKey.trim();
  return [
    'scrape_configs:',
    '  - job_name: watchpost',
    `    scheme: ${url.protocol.replace(':', '')}`,
    '    metrics_path: /metrics',
    '    static_configs:',
    `      - targets: ['${url.host}']`,
    '    basic_auth:',
    `      password: '${key.replace(/'/g, "''")}'`,
    '',
  ].join('\n');
}
