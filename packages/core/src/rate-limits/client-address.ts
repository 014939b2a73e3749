import { isIPv6 } from 'node:net';

/**
 * The part of a client's address that per-address limits count (docs/protocol/authentication.md#rate-limiting): an IPv4 address as it
 * is, IPv6 by its /64 network, since anyone holding one IPv6 address holds the 2⁶⁴ of its
 * subnet. IPv4 carried in IPv6 (`::ffff:1.2.3.4`) counts as the IPv4 address.
 */
export function clientAddressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!isIPv6(address)) return address;
  return `${expandIpv6(address).slice(0, 4).join(':')}::/64`;
}

/** The eight hextets of an IPv6 address, `::` filled in (no embedded IPv4 tail beyond /64). */
function expandIpv6(address: string): string[] {
  const [head = '', tail] = address.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const zeros = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...zeros, ...right].map((part) => part.toLowerCase().replace(/^0+(?=.)/, ''));
}
