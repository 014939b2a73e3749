import { inNetwork, parseIpAddress, type AddressBytes } from './ip-address.js';

/** What an IP address is for; every kind but `public` is refused under `public-only`. */
export type AddressKind =
  | 'public'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'carrier-grade NAT'
  | 'unique-local'
  | 'multicast'
  | 'unspecified'
  | 'broadcast'
  | 'documentation'
  | 'benchmarking'
  | 'reserved';

/** A network given as an address and a prefix length, e.g. from `EGRESS_ALLOW`. */
export interface Network {
  prefix: AddressBytes;
  bits: number;
}

type Range = readonly [cidr: string, kind: Exclude<AddressKind, 'public'>];

// The IANA special-purpose registries (RFC 6890 and its updates). The first match wins, so
// a narrow range sits before the wide one it lies in.
const IPV4_RANGES: readonly Range[] = [
  ['255.255.255.255/32', 'broadcast'],
  ['0.0.0.0/8', 'unspecified'],
  ['10.0.0.0/8', 'private'],
  ['100.64.0.0/10', 'carrier-grade NAT'],
  ['127.0.0.0/8', 'loopback'],
  ['169.254.0.0/16', 'link-local'],
  ['172.16.0.0/12', 'private'],
  ['192.0.0.0/24', 'reserved'],
  ['192.0.2.0/24', 'documentation'],
  ['192.88.99.0/24', 'reserved'],
  ['192.168.0.0/16', 'private'],
  ['198.18.0.0/15', 'benchmarking'],
  ['198.51.100.0/24', 'documentation'],
  ['203.0.113.0/24', 'documentation'],
  ['224.0.0.0/4', 'multicast'],
  ['240.0.0.0/4', 'reserved'],
];

const IPV6_RANGES: readonly Range[] = [
  ['::/128', 'unspecified'],
  ['::1/128', 'loopback'],
  ['64:ff9b:1::/48', 'private'],
  ['100::/64', 'reserved'],
  ['2001:db8::/32', 'documentation'],
  ['2001:2::/48', 'benchmarking'],
  ['2001::/23', 'reserved'],
  ['3fff::/20', 'documentation'],
  ['fc00::/7', 'unique-local'],
  ['fe80::/10', 'link-local'],
  // Deprecated site-local addresses still route inside many networks.
  ['fec0::/10', 'private'],
  ['ff00::/8', 'multicast'],
  ['::/8', 'reserved'],
];

// IPv6 forms that carry an IPv4 address, which is what the packet finally reaches: mapped
// (::ffff:a.b.c.d), NAT64 (64:ff9b::a.b.c.d), IPv4-compatible (::a.b.c.d) and 6to4
// (2002:aabb:ccdd::), at the byte offset where the IPv4 address sits.
const IPV4_CARRIERS: readonly (readonly [cidr: string, offset: number])[] = [
  ['::ffff:0:0/96', 12],
  ['64:ff9b::/96', 12],
  ['::/96', 12],
  ['2002::/16', 2],
];

/** Parses `a.b.c.d/n` or `x::y/n`; a bare address is a network of one. Null when invalid. */
export function parseNetwork(text: string): Network | null {
  const [address = '', bitsText, extra] = text.trim().split('/');
  if (extra !== undefined) return null;
  const prefix = parseIpAddress(address);
  if (prefix === null) return null;
  const maxBits = prefix.length * 8;
  if (bitsText === undefined) return { prefix, bits: maxBits };
  if (!/^\d+$/.test(bitsText)) return null;
  const bits = Number(bitsText);
  return bits <= maxBits ? { prefix, bits } : null;
}

function compile(ranges: readonly Range[]) {
  return ranges.map(([cidr, kind]) => {
    const network = parseNetwork(cidr);
    if (network === null) throw new Error(`bad built-in range ${cidr}`);
    return { network, kind };
  });
}

const V4 = compile(IPV4_RANGES);
const V6 = compile(IPV6_RANGES);
const CARRIERS = IPV4_CARRIERS.map(([cidr, offset]) => {
  const network = parseNetwork(cidr);
  if (network === null) throw new Error(`bad built-in range ${cidr}`);
  return { network, offset };
});

/** What kind of address `bytes` is (4 or 16 bytes, from `parseIpAddress`). */
export function classifyAddressBytes(bytes: AddressBytes): AddressKind {
  if (bytes.length === 4) return kindIn(V4, bytes);
  // `::` and `::1` would otherwise read as IPv4-compatible 0.0.0.0 and 0.0.0.1.
  const exact = kindIn(V6.slice(0, 2), bytes);
  if (exact !== 'public') return exact;
  for (const { network, offset } of CARRIERS) {
    if (inNetwork(bytes, network.prefix, network.bits)) {
      return kindIn(V4, bytes.subarray(offset, offset + 4));
    }
  }
  return kindIn(V6, bytes);
}

/** What kind of address an IP literal is; null when the text is no IP address. */
export function classifyAddress(address: string): AddressKind | null {
  const bytes = parseIpAddress(address);
  return bytes === null ? null : classifyAddressBytes(bytes);
}

function kindIn(
  ranges: readonly { network: Network; kind: Exclude<AddressKind, 'public'> }[],
  bytes: AddressBytes,
): AddressKind {
  for (const { network, kind } of ranges) {
    if (inNetwork(bytes, network.prefix, network.bits)) return kind;
  }
  return 'public';
}
