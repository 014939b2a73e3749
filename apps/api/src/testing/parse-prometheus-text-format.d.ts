// The package ships JavaScript only; this is the part of its output the tests read.
declare module 'parse-prometheus-text-format' {
  export interface PrometheusSample {
    value: string;
    labels?: Record<string, string>;
  }
  export interface PrometheusFamily {
    name: string;
    help: string;
    type: string;
    metrics: PrometheusSample[];
  }
  export default function parsePrometheusTextFormat(text: string): PrometheusFamily[];
}
