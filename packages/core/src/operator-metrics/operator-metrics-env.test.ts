import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseEnv } from '../config/parse-env.js';
import { operatorMetricsEnvShape, operatorMetricsListenOf } from './operator-metrics-env.js';

const schema = z.object(operatorMetricsEnvShape);
const listenOf = (env: Record<string, string | undefined>) =>
  operatorMetricsListenOf(parseEnv(schema, env));

describe('operator metrics variables', () => {
  it('leave the endpoint off when OPERATOR_METRICS_PORT is unset or empty', () => {
    expect(listenOf({})).toBeNull();
    expect(listenOf({ OPERATOR_METRICS_PORT: '' })).toBeNull();
    expect(listenOf({ OPERATOR_METRICS_PORT: '  ', OPERATOR_METRICS_HOST: '0.0.0.0' })).toBeNull();
  });

  it('listen on loopback unless OPERATOR_METRICS_HOST says otherwise', () => {
    expect(listenOf({ OPERATOR_METRICS_PORT: '9464' })).toEqual({ port: 9464, host: '127.0.0.1' });
    expect(listenOf({ OPERATOR_METRICS_PORT: '0', OPERATOR_METRICS_HOST: '10.0.0.7' })).toEqual({
      port: 0,
      host: '10.0.0.7',
    });
  });

  it('refuse a port that is not a whole number in 0..65535, naming the variable', () => {
    for (const bad of ['nine', '9.5', '-1', '65536']) {
      expect(() => listenOf({ OPERATOR_METRICS_PORT: bad })).toThrow(/OPERATOR_METRICS_PORT/);
    }
  });

  it('refuse an empty host', () => {
    expect(() => listenOf({ OPERATOR_METRICS_PORT: '9464', OPERATOR_METRICS_HOST: ' ' })).toThrow(
      /OPERATOR_METRICS_HOST/,
    );
  });
});
