import type { DetailedPeerCertificate } from 'node:tls';
import type { CertInfo } from '@watchpost/core';

const DAY_MS = 86_400_000;

// Real chains are 2–4 certificates long; the bound only protects against a malformed chain.
const MAX_CHAIN_LENGTH = 16;

/**
 * Turns Node's `getPeerCertificate(true)` into the `certInfo` object of docs/protocol/monitors.md#tls-info, walking
 * `issuerCertificate` from the server certificate up to the root.
 */
export function toCertInfo(leaf: DetailedPeerCertificate, now: Date): CertInfo {
  const { issuers, endsAtSelfIssued } = collectIssuers(leaf);
  let issuerInfo: CertInfo | null = null;
  for (const [index, cert] of [...issuers.entries()].reverse()) {
    const depth = index + 1;
    const selfIssued = depth === issuers.length && endsAtSelfIssued;
    issuerInfo = describeCertificate(cert, certTypeAt(depth, selfIssued), issuerInfo, now);
  }
  const leafSelfIssued = issuers.length === 0 && endsAtSelfIssued;
  return describeCertificate(leaf, certTypeAt(0, leafSelfIssued), issuerInfo, now);
}

/** True when Node returned a real certificate rather than the `{}` it gives for none. */
export function hasCertificate(
  cert: Partial<DetailedPeerCertificate> | null | undefined,
): cert is DetailedPeerCertificate {
  return typeof cert?.fingerprint256 === 'string' && cert.fingerprint256 !== '';
}

function collectIssuers(leaf: DetailedPeerCertificate): {
  issuers: DetailedPeerCertificate[];
  endsAtSelfIssued: boolean;
} {
  const issuers: DetailedPeerCertificate[] = [];
  const seen = new Set<string>([leaf.fingerprint256]);
  let cert = leaf;
  for (;;) {
    // Node types declare issuerCertificate as always present, but it is missing when the
    // server sent an incomplete chain that the trust store could not complete.
    const issuer = cert.issuerCertificate as DetailedPeerCertificate | undefined;
    if (!hasCertificate(issuer)) return { issuers, endsAtSelfIssued: false };
    // A root is its own issuer: Node links it to itself, which would otherwise loop forever.
    if (seen.has(issuer.fingerprint256)) return { issuers, endsAtSelfIssued: true };
    if (issuers.length >= MAX_CHAIN_LENGTH) return { issuers, endsAtSelfIssued: false };
    issuers.push(issuer);
    seen.add(issuer.fingerprint256);
    cert = issuer;
  }
}

function certTypeAt(depth: number, selfIssued: boolean): CertInfo['certType'] {
  if (selfIssued) return depth === 0 ? 'self-signed' : 'root CA';
  // Kuma calls the top of an incomplete chain a root too; it is not one, so we label it by
  // its position instead (an unknown issuer is not the same as no issuer).
  return depth === 0 ? 'server' : 'intermediate CA';
}

function describeCertificate(
  cert: DetailedPeerCertificate,
  certType: CertInfo['certType'],
  issuerCertificate: CertInfo | null,
  now: Date,
): CertInfo {
  const validToMs = Date.parse(cert.valid_to);
  // OpenSSL always prints dates Date.parse understands; if one ever is not, report the cert
  // as expiring today rather than throwing from inside a check.
  const readable = !Number.isNaN(validToMs);
  return {
    subject: toNameRecord(cert.subject),
    issuer: toNameRecord(cert.issuer),
    subjectaltname: cert.subjectaltname ?? null,
    valid_from: cert.valid_from,
    valid_to: cert.valid_to,
    fingerprint: cert.fingerprint,
    fingerprint256: cert.fingerprint256,
    serialNumber: cert.serialNumber,
    validTo: readable ? new Date(validToMs).toISOString() : cert.valid_to,
    validFor: parseSubjectAltNames(cert.subjectaltname),
    daysRemaining: readable ? Math.round((validToMs - now.getTime()) / DAY_MS) : 0,
    certType,
    issuerCertificate,
  };
}

/** `"DNS:a.example, IP Address:127.0.0.1"` → `["a.example", "127.0.0.1"]`, like Kuma. */
export function parseSubjectAltNames(subjectaltname: string | undefined): string[] {
  if (subjectaltname === undefined || subjectaltname === '') return [];
  return subjectaltname.split(', ').map((name) => name.replace(/^(?:DNS|IP Address):/, ''));
}

// Node hands out null-prototype objects whose values are strings, or arrays for repeated
// attributes (several OU=…); copy them into plain JSON-friendly records.
function toNameRecord(name: object | undefined): Record<string, string | string[]> {
  const record: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(name ?? {})) {
    if (typeof value === 'string') record[key] = value;
    else if (Array.isArray(value)) record[key] = value.map(String);
  }
  return record;
}
