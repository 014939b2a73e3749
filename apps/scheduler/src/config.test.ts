import { describe, expect, it } from 'vitest';
import { parseSchedulerConfig } from './config.js';

describe('parseSchedulerConfig', () => {
  it('leaves operator metrics off unless OPERATOR_METRICS_PORT is set', () => {
    expect(parseSchedulerConfig({}).operatorMetrics).toBeNull();
    expect(parseSchedulerConfig({ OPERATOR_METRICS_PORT: '9466' }).operatorMetrics).toEqual({
      port: 9466,
      host: '127.0.0.1',
    });
  });

  it('names a bad operator metrics port', () => {
    expect(() => parseSchedulerConfig({ OPERATOR_METRICS_PORT: '-1' })).toThrow(
      /OPERATOR_METRICS_PORT/,
    );
  });
});
