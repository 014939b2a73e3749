import { classifyAddressBytes, type AddressKind, type Network } from './address-kind.js';
import { inNetwork, parseIpAddress } from './ip-address.js';

/**
 * Which addresses connections made for a tenant may reach (architecture rule 10):
 * `allow-private` reaches anything (embedded mode, one owner monitoring their own network);
 * `public-only` reaches public addresses and the networks the operator lists in `allow`.
 */
export type EgressPolicy =
  { mode: 'allow-private' } | { mode: 'public-only'; allow: readonly Network[] };

export const ALLOW_PRIVATE: EgressPolicy = { mode: 'allow-private' };

export type EgressVerdict = { allowed: true } | { allowed: false; kind: AddressKind };

/** Whether a connection to the IP address `address` may be made under `policy`. */
export function egressVerdict(policy: EgressPolicy, address: string): EgressVerdict {
  if (policy.mode === 'allow-private') return { allowed: true };
  const bytes = parseIpAddress(address);
  // Only resolved addresses and IP literals reach this point; anything else is refused.
  if (bytes === null) return { allowed: false, kind: 'reserved' };
  const kind = classifyAddressBytes(bytes);
  if (kind === 'public') return { allowed: true };
  if (policy.allow.some((n) => inNetwork(bytes, n.prefix, n.bits))) return { allowed: true };
  return { allowed: false, kind };
}

/**
 * A connection the policy refused. Its message names the policy and the address we were
 * about to dial, never anything the address answered (nothing was sent or read).
 */
export class EgressRefusedError extends Error {
  readonly code = 'EEGRESSREFUSED';
  constructor(
    readonly address: string,
    readonly kind: AddressKind | 'unix socket',
  ) {
    super(`Blocked by egress policy: ${address} is ${kind}`);
    this.name = 'EgressRefusedError';
  }
}

/** Throws EgressRefusedError unless `address` (an IP literal) may be dialled. */
export function assertEgressAllowed(policy: EgressPolicy, address: string): void {
  const verdict = egressVerdict(policy, address);
  if (!verdict.allowed) throw new EgressRefusedError(address, verdict.kind);
}

/** Unix sockets reach the host itself (a Docker daemon, a database), never a tenant's target. */
export function assertUnixSocketAllowed(policy: EgressPolicy, path: string): void {
  if (policy.mode === 'public-only') throw new EgressRefusedError(path, 'unix socket');
}
