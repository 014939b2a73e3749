import { describe, expect, it } from 'vitest';
import { parseWorkerConfig } from './config.js';

describe('parseWorkerConfig', () => {
  it('leaves operator metrics off unless OPERATOR_METRICS_PORT is set', () => {
    expect(parseWorkerConfig({}).operatorMetrics).toBeNull();
    expect(
      parseWorkerConfig({ OPERATOR_METRICS_PORT: '9465', OPERATOR_METRICS_HOST: '10.0.0.7' })
        .operatorMetrics,
    ).toEqual({ port: 9465, host: '10.0.0.7' });
  });

  it('names a bad operator metrics port', () => {
    expect(() => parseWorkerConfig({ OPERATOR_METRICS_PORT: 'ninety' })).toThrow(
      /OPERATOR_METRICS_PORT/,
    );
  });
});
