import { describe, expect, it } from 'vitest';
import { classifyAddress, parseNetwork } from './address-kind.js';

describe('classifyAddress', () => {
  it.each([
    ['8.8.8.8', 'public'],
    ['1.1.1.1', 'public'],
    ['2606:4700:4700::1111', 'public'],
    ['2001:4860:4860::8888', 'public'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['::1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['100.127.255.255', 'carrier-grade NAT'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456:789a::1', 'unique-local'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['255.255.255.255', 'broadcast'],
    ['192.0.2.10', 'documentation'],
    ['198.51.100.7', 'documentation'],
    ['203.0.113.200', 'documentation'],
    ['2001:db8::1', 'documentation'],
    ['198.18.0.1', 'benchmarking'],
    ['198.19.255.255', 'benchmarking'],
    ['240.0.0.1', 'reserved'],
    ['192.0.0.8', 'reserved'],
  ])('%s is %s', (address, kind) => {
    expect(classifyAddress(address)).toBe(kind);
  });

  it.each([
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:169.254.169.254', 'link-local'],
    ['::ffff:8.8.8.8', 'public'],
    ['64:ff9b::10.0.0.1', 'private'],
    ['64:ff9b::808:808', 'public'],
    ['::127.0.0.1', 'loopback'],
    ['2002:a9fe:a9fe::1', 'link-local'],
    ['2002:0808:0808::1', 'public'],
  ])(
    'an IPv6 address carrying IPv4 is classified by its IPv4 address: %s is %s',
    (address, kind) => {
      expect(classifyAddress(address)).toBe(kind);
    },
  );

  it('accepts bracketed IPv6 and refuses names', () => {
    expect(classifyAddress('[::1]')).toBe('loopback');
    expect(classifyAddress('localhost')).toBeNull();
    expect(classifyAddress('169.254.169.254.nip.io')).toBeNull();
  });

  it('does not take decimal or octal shorthand for an address', () => {
    // getaddrinfo would read these as 127.0.0.1; they are names here, checked after lookup.
    expect(classifyAddress('2130706433')).toBeNull();
    expect(classifyAddress('0177.0.0.1')).toBeNull();
  });
});

describe('parseNetwork', () => {
  it('reads CIDRs and single addresses of both families', () => {
    expect(parseNetwork('127.0.0.1/32')?.bits).toBe(32);
    expect(parseNetwork('10.0.0.0/8')?.bits).toBe(8);
    expect(parseNetwork('fd00::/8')?.bits).toBe(8);
    expect(parseNetwork('192.168.1.5')?.bits).toBe(32);
    expect(parseNetwork('::1')?.bits).toBe(128);
  });

  it.each(['10.0.0.0/33', '::/129', 'example.com/8', '10.0.0.0/8/1', '10.0.0.0/x', ''])(
    'refuses %j',
    (text) => {
      expect(parseNetwork(text)).toBeNull();
    },
  );
});
