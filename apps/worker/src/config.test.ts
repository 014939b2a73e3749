import { describe, expect, it } from 'vitest';
import { beatBatchWaitOf, parseWorkerConfig, tenantChecksInFlightOf } from './config.js';

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

  it('holds beats 60 s and locks jobs 5 s unless told otherwise', () => {
    expect(parseWorkerConfig({})).toMatchObject({ beatHoldMs: 60_000, jobLockMs: 5_000 });
    expect(parseWorkerConfig({ BEAT_HOLD_SECONDS: '0', JOB_LOCK_SECONDS: '2' })).toMatchObject({
      beatHoldMs: 0,
      jobLockMs: 2_000,
    });
  });

  it('refuses a job lock of no time at all', () => {
    expect(() => parseWorkerConfig({ JOB_LOCK_SECONDS: '0' })).toThrow(/JOB_LOCK_SECONDS/);
  });

  it('caps each tenant at a quarter of the slots when distributed, not at all when embedded', () => {
    const unset = parseWorkerConfig({ WORKER_CONCURRENCY: '10' });
    expect(tenantChecksInFlightOf(unset, 'distributed')).toBe(3);
    expect(tenantChecksInFlightOf(unset, 'embedded')).toBeNull();
    const set = parseWorkerConfig({ TENANT_MAX_CHECKS_IN_FLIGHT: '7' });
    expect(tenantChecksInFlightOf(set, 'distributed')).toBe(7);
    expect(tenantChecksInFlightOf(set, 'embedded')).toBe(7);
    expect(() => parseWorkerConfig({ TENANT_MAX_CHECKS_IN_FLIGHT: '0' })).toThrow(
      /TENANT_MAX_CHECKS_IN_FLIGHT/,
    );
  });

  it('batches beats 10 ms distributed and 200 ms embedded unless BEAT_BATCH_WAIT_MS says', () => {
    const unset = parseWorkerConfig({});
    expect(beatBatchWaitOf(unset, 'distributed')).toBe(10);
    expect(beatBatchWaitOf(unset, 'embedded')).toBe(200);
    const set = parseWorkerConfig({ BEAT_BATCH_WAIT_MS: '0' });
    expect(beatBatchWaitOf(set, 'distributed')).toBe(0);
    expect(beatBatchWaitOf(set, 'embedded')).toBe(0);
    expect(() => parseWorkerConfig({ BEAT_BATCH_WAIT_MS: '1001' })).toThrow(/BEAT_BATCH_WAIT_MS/);
  });
});
