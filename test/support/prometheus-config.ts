// The shipped deploy/prometheus/prometheus.yml, as a test's Prometheus runs it.

export interface ScrapeJob {
  job_name: string;
  metrics_path?: string;
  authorization?: { type?: string; credentials_file?: string };
  static_configs?: { targets: string[] }[];
  dns_sd_configs?: { names: string[]; type: string; port: number }[];
}
export interface PrometheusConfig {
  global?: Record<string, unknown>;
  scrape_configs: ScrapeJob[];
}

/**
 * The shipped config pointed at this test's processes: the tenant job (the one with an API
 * key) at the API and the key file, each operator job at its role's port, every second.
 * A job the test has no target for fails here, so the shipped file cannot grow untested.
 */
export function localScrapeConfig(
  shipped: PrometheusConfig,
  local: { apiTarget: string; keyFile: string; operatorTargets: Record<string, string> },
): PrometheusConfig {
  return {
    ...shipped,
    global: {
      ...shipped.global,
      scrape_interval: '1s',
      scrape_timeout: '1s',
      evaluation_interval: '1s',
    },
    scrape_configs: shipped.scrape_configs.map((job) => {
      const { dns_sd_configs: _discovered, static_configs: _static, ...rest } = job;
      if (job.authorization?.credentials_file !== undefined) {
        return {
          ...rest,
          authorization: { ...job.authorization, credentials_file: local.keyFile },
          static_configs: [{ targets: [local.apiTarget] }],
        };
      }
      const target = local.operatorTargets[job.job_name];
      if (target === undefined) throw new Error(`no local target for job ${job.job_name}`);
      return { ...rest, static_configs: [{ targets: [target] }] };
    }),
  };
}
