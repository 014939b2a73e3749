import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closeServer,
  listenOnLoopback,
  makeHttpCheckSettings,
} from '../../testing/check-fixtures.js';
import { runHttpCheck } from '../http-check.js';
import { createJsonQueryPool, DEFAULT_JSON_QUERY_LIMITS } from './json-query-pool.js';

// Hostile JSONata (docs/protocol/monitoring.md#monitor-types) runs in child processes that are
// killed at their time limit, so the worker's event loop and other tenants' checks go on.

const ENDLESS = '($f:=function($n){$f($n+1)};$f(0))';
const DEEP = '($f:=function($n){$n=0?0:1+$f($n-1)};$f(10000000))';
const HUGE =
  '$join($map([1..9999999], function($v){"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}))';

const pool = createJsonQueryPool({ ...DEFAULT_JSON_QUERY_LIMITS, timeoutMs: 500 });
afterAll(async () => pool.close());

const task = (tenantId: number, expression: string) => ({
  tenantId,
  body: '{"status":"ok"}',
  expression,
  expectedValue: 'ok',
});

describe('the JSON-query pool', () => {
  it('answers whether the value equals the expected one', async () => {
    expect(await pool.evaluate(task(1, 'status'))).toEqual({
      kind: 'value',
      matches: true,
      value: 'ok',
    });
    expect(await pool.evaluate({ ...task(1, '"x"'), body: 'nope' })).toMatchObject({
      kind: 'bad-json',
    });
  });

  it('stops an expression that never ends, and keeps serving afterwards', async () => {
    expect(await pool.evaluate(task(1, ENDLESS))).toEqual({
      kind: 'failed',
      error: 'the JSON query took longer than 500 ms',
    });
    expect(await pool.evaluate(task(1, 'status'))).toMatchObject({ matches: true });
  });

  it('fails deep recursion and huge values instead of the worker', async () => {
    const [deep, huge] = await Promise.all([
      pool.evaluate(task(1, DEEP)),
      pool.evaluate(task(1, HUGE)),
    ]);
    expect(deep.kind).toBe('failed');
    expect(huge.kind).toBe('failed');
    expect(await pool.evaluate(task(1, 'status'))).toMatchObject({ matches: true });
  });

  it("serves another tenant's query while one tenant floods the pool", async () => {
    const eventLoopDelays: number[] = [];
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      eventLoopDelays.push(now - last - 10);
      last = now;
    }, 10);

    const hostile = Array.from({ length: 8 }, () => pool.evaluate(task(1, ENDLESS)));
    const startedAt = performance.now();
    const other = await pool.evaluate(task(2, 'status'));
    const otherMs = performance.now() - startedAt;
    await Promise.all(hostile);
    clearInterval(ticker);

    expect(other).toMatchObject({ kind: 'value', matches: true });
    process.stdout.write(
      `json-query fairness: the other tenant's answer took ${otherMs.toFixed(0)} ms behind ` +
        `8 endless queries; worst event-loop delay ${Math.max(...eventLoopDelays).toFixed(0)} ms\n`,
    );
  });
});

describe('json-query checks with hostile expressions', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    server = createServer((_req, res) => res.end('{"status":"ok"}'));
    url = `http://127.0.0.1:${await listenOnLoopback(server)}/`;
  });
  afterAll(async () => closeServer(server));

  it("is DOWN for the endless expression while another tenant's check stays UP", async () => {
    const settings = (jsonPath: string) =>
      makeHttpCheckSettings({ type: 'json-query', url, jsonPath, expectedValue: 'ok', timeout: 5 });
    const hostile = Array.from({ length: 4 }, () =>
      runHttpCheck(settings(ENDLESS), { tenantId: 1 }),
    );
    const startedAt = performance.now();
    const other = await runHttpCheck(settings('status'), { tenantId: 2 });
    const otherMs = performance.now() - startedAt;

    expect(other).toMatchObject({ status: 'up', msg: '200 - OK, expected value is found' });
    for (const result of await Promise.all(hostile)) {
      expect(result).toMatchObject({
        status: 'down',
        msg: `200 - OK, but the JSON query failed: the JSON query took longer than ${DEFAULT_JSON_QUERY_LIMITS.timeoutMs} ms`,
      });
    }
    process.stdout.write(
      `json-query check: the other tenant's check took ${otherMs.toFixed(0)} ms beside 4 endless ones\n`,
    );
  });
});
