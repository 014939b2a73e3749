import { z } from 'zod';
import { envInteger } from '../config/parse-env.js';

/** Where the operator metrics endpoint listens. */
export interface OperatorMetricsListen {
  port: number;
  host: string;
}

/** The variables every role reads for its operator metrics endpoint; spread into its schema. */
export const operatorMetricsEnvShape = {
  // Unset, or empty as compose files pass it: no endpoint. 0 asks the OS for a free port.
  OPERATOR_METRICS_PORT: z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    envInteger(0, 65_535).optional(),
  ),
  // Loopback by default: the endpoint has no authentication, and tenants must not reach it.
  OPERATOR_METRICS_HOST: z.string().trim().min(1).default('127.0.0.1'),
};

/** The endpoint's address from a parsed environment; null when it is switched off. */
export function operatorMetricsListenOf(env: {
  OPERATOR_METRICS_PORT?: number | undefined;
  OPERATOR_METRICS_HOST: string;
}): OperatorMetricsListen | null {
  return env.OPERATOR_METRICS_PORT === undefined
    ? null
    : { port: env.OPERATOR_METRICS_PORT, host: env.OPERATOR_METRICS_HOST };
}
