import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECKED_MONITOR_TYPES, MONITOR_TYPES } from '@watchpost/core';
import { startDnsTestServer, type DnsTestServer } from '@watchpost/core/testing';
import { makeMonitor } from '@watchpost/core/testing';
import { checkerUnavailableMsg, runCheck } from './run-check.js';

/**
 * Types stored faithfully whose checker needs something this service does not have yet: every
 * type core does not list as checked, so the dashboard's "not checked yet" note (which reads
 * CHECKED_MONITOR_TYPES) stays true when a checker is added.
 */
const UNAVAILABLE = MONITOR_TYPES.filter((type) => !CHECKED_MONITOR_TYPES.includes(type));

describe('runCheck dispatch', () => {
  let dns: DnsTestServer;
  beforeAll(async () => {
    dns = await startDnsTestServer({ 'db.example.test': [{ type: 'A', address: '10.0.0.5' }] });
  });
  afterAll(async () => dns?.close());

  it.each(UNAVAILABLE)(
    'answers a "%s" monitor DOWN, saying plainly its checker is not available yet',
    async (type) => {
      const result = await runCheck(makeMonitor({ type, hostname: 'db.example.test', port: 5432 }));
      expect(result).toEqual({
        status: 'down',
        msg: `The "${type}" checker is not available in Watchpost yet`,
        pingMs: null,
      });
      expect(result.msg).toBe(checkerUnavailableMsg(type));
    },
  );

  it('runs a "dns" monitor against its resolver server', async () => {
    const result = await runCheck(
      makeMonitor({
        type: 'dns',
        hostname: 'db.example.test',
        dnsResolveServer: '127.0.0.1',
        port: dns.port,
        dnsResolveType: 'A',
      }),
    );
    expect(result).toMatchObject({ status: 'up', msg: 'Records: 10.0.0.5' });
  });

  it('refuses to run push and group monitors, which the processor evaluates itself', async () => {
    await expect(runCheck(makeMonitor({ type: 'push' }))).rejects.toThrow(/runPushCheck/);
    await expect(runCheck(makeMonitor({ type: 'group' }))).rejects.toThrow(/runGroupCheck/);
  });
});
