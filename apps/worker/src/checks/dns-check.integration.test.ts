import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDnsTestServer, type DnsTestServer } from '@watchpost/core/testing';
import { resolverAddress, runDnsCheck, type DnsCheckSettings } from './dns-check.js';

let server: DnsTestServer;
let silent: DnsTestServer;

beforeAll(async () => {
  server = await startDnsTestServer({
    'example.test': [
      { type: 'A', address: '192.0.2.1' },
      { type: 'A', address: '192.0.2.2' },
      { type: 'AAAA', address: '2001:db8::1' },
      { type: 'MX', priority: 10, exchange: 'mx1.example.test' },
      { type: 'MX', priority: 20, exchange: 'mx2.example.test' },
      { type: 'NS', value: 'ns1.example.test' },
      { type: 'NS', value: 'ns2.example.test' },
      { type: 'TXT', chunks: ['v=spf1 -all'] },
      { type: 'TXT', chunks: ['part one', 'part two'] },
      { type: 'CAA', critical: 0, tag: 'issue', value: 'letsencrypt.org' },
      {
        type: 'SOA',
        nsname: 'ns1.example.test',
        hostmaster: 'hostmaster.example.test',
        serial: 2024010101,
        refresh: 7200,
        retry: 3600,
        expire: 1209600,
        minttl: 300,
      },
    ],
    'www.example.test': [{ type: 'CNAME', value: 'example.test' }],
    '_sip._tcp.example.test': [
      { type: 'SRV', priority: 10, weight: 5, port: 5060, target: 'sip.example.test' },
    ],
    '1.2.0.192.in-addr.arpa': [{ type: 'PTR', value: 'host.example.test' }],
  });
  silent = await startDnsTestServer({}, { silent: true });
});
afterAll(async () => {
  await server?.close();
  await silent?.close();
});

function settings(overrides: Partial<DnsCheckSettings> = {}): DnsCheckSettings {
  return {
    hostname: 'example.test',
    port: server.port,
    dnsResolveServer: '127.0.0.1',
    dnsResolveType: 'A',
    interval: 60,
    timeout: 2,
    ...overrides,
  };
}

describe('runDnsCheck against a local DNS server', () => {
  it.each([
    ['A', 'example.test', 'Records: 192.0.2.1 | 192.0.2.2'],
    ['AAAA', 'example.test', 'Records: 2001:db8::1'],
    ['TXT', 'example.test', 'Records: v=spf1 -all | part one,part two'],
    ['CNAME', 'www.example.test', 'example.test'],
    ['PTR', '192.0.2.1', 'host.example.test'],
    ['CAA', 'example.test', 'letsencrypt.org'],
    ['NS', 'example.test', 'Servers: ns1.example.test | ns2.example.test'],
    [
      'MX',
      'example.test',
      'Hostname: mx1.example.test - Priority: 10 | Hostname: mx2.example.test - Priority: 20 ',
    ],
    [
      'SRV',
      '_sip._tcp.example.test',
      'Name: sip.example.test | Port: 5060 | Priority: 10 | Weight: 5 ',
    ],
    [
      'SOA',
      'example.test',
      'NS-Name: ns1.example.test | Hostmaster: hostmaster.example.test | Serial: 2024010101 | ' +
        'Refresh: 7200 | Retry: 3600 | Expire: 1209600 | MinTTL: 300',
    ],
  ])('reports UP with Kuma’s text for %s records', async (type, hostname, msg) => {
    const result = await runDnsCheck(settings({ dnsResolveType: type, hostname }));
    expect(result).toEqual({ status: 'up', msg, pingMs: expect.any(Number) });
  });

  it('asks the configured server, taking the port from the server text when it has one', async () => {
    const before = server.questions.length;
    const result = await runDnsCheck(settings({ dnsResolveServer: server.address, port: 53 }));
    expect(result.status).toBe('up');
    expect(server.questions.slice(before)).toEqual(['example.test A']);
  });

  it('defaults a missing record type to A, as Kuma’s clients do', async () => {
    const result = await runDnsCheck(settings({ dnsResolveType: null }));
    expect(result).toMatchObject({ status: 'up', msg: 'Records: 192.0.2.1 | 192.0.2.2' });
  });

  it('reports DOWN with the resolver error for an unknown name', async () => {
    const result = await runDnsCheck(settings({ hostname: 'nope.example.test' }));
    expect(result).toEqual({
      status: 'down',
      msg: 'queryA ENOTFOUND nope.example.test',
      pingMs: null,
    });
  });

  it('reports DOWN when the name has no records of the asked type', async () => {
    const result = await runDnsCheck(
      settings({ hostname: 'www.example.test', dnsResolveType: 'MX' }),
    );
    expect(result).toMatchObject({ status: 'down', msg: 'queryMx ENODATA www.example.test' });
  });

  it('reports DOWN with the timeout text when the server never answers', async () => {
    const result = await runDnsCheck(settings({ port: silent.port, timeout: 0.3 }));
    expect(result).toEqual({ status: 'down', msg: 'timeout of 300ms exceeded', pingMs: null });
  });

  it('ends DOWN with the caller’s reason when its signal aborts', async () => {
    const abort = new AbortController();
    const pending = runDnsCheck(settings({ port: silent.port, timeout: 5 }), {
      signal: abort.signal,
    });
    abort.abort(new Error('timeout by AbortSignal (5s)'));
    expect(await pending).toMatchObject({ status: 'down', msg: 'timeout by AbortSignal (5s)' });
  });

  it('reports DOWN without querying for missing or unusable settings', async () => {
    expect(await runDnsCheck(settings({ hostname: ' ' }))).toMatchObject({
      msg: 'Hostname is not set',
    });
    expect(await runDnsCheck(settings({ dnsResolveServer: null }))).toMatchObject({
      msg: 'Resolver server is not set',
    });
    expect(await runDnsCheck(settings({ dnsResolveType: 'HINFO' }))).toMatchObject({
      msg: 'Unsupported DNS record type "HINFO"',
    });
    expect(await runDnsCheck(settings({ dnsResolveServer: 'dns.example.test' }))).toMatchObject({
      status: 'down',
      msg: expect.stringContaining('Invalid IP address'),
    });
  });
});

describe('resolverAddress', () => {
  it('uses the monitor port unless the server text carries one', () => {
    expect(resolverAddress('1.1.1.1', 53)).toBe('1.1.1.1:53');
    expect(resolverAddress('1.1.1.1', null)).toBe('1.1.1.1:53');
    expect(resolverAddress('127.0.0.1:5353', 53)).toBe('127.0.0.1:5353');
    expect(resolverAddress('::1', 5300)).toBe('[::1]:5300');
    expect(resolverAddress('[::1]', 5300)).toBe('[::1]:5300');
    expect(resolverAddress('[::1]:5353', 53)).toBe('[::1]:5353');
  });
});
