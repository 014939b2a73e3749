import { checkServerIdentity, createSecureContext, TLSSocket } from 'node:tls';
import type { SecureContext } from 'node:tls';
import { buildConnector } from 'undici';
import type { TlsInfo } from '@watchpost/core';
import { egressSocketOptions, guardConnector, type EgressPolicy } from '@watchpost/core/egress';
import { hasCertificate, toCertInfo } from './cert-info.js';

// With verification deferred to our connector, Node only hands us the OpenSSL error code.
// These are OpenSSL 3's texts (bundled with Node 20 and 22) for the codes monitors meet, so
// the msg reads exactly like the error Node itself would have thrown.
const VERIFY_ERROR_TEXTS: Readonly<Record<string, string>> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed certificate',
  SELF_SIGNED_CERT_IN_CHAIN: 'self-signed certificate in certificate chain',
  CERT_HAS_EXPIRED: 'certificate has expired',
  CERT_NOT_YET_VALID: 'certificate is not yet valid',
  UNABLE_TO_GET_ISSUER_CERT: 'unable to get issuer certificate',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'unable to get local issuer certificate',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'unable to verify the first certificate',
  CERT_SIGNATURE_FAILURE: 'certificate signature failure',
  CERT_REVOKED: 'certificate revoked',
  CERT_UNTRUSTED: 'certificate not trusted',
  CERT_REJECTED: 'certificate rejected',
  INVALID_CA: 'invalid CA certificate',
  INVALID_PURPOSE: 'unsupported certificate purpose',
  PATH_LENGTH_EXCEEDED: 'path length constraint exceeded',
  CERT_CHAIN_TOO_LONG: 'certificate chain too long',
  EE_KEY_TOO_SMALL: 'EE certificate key too weak',
  CA_KEY_TOO_SMALL: 'CA certificate key too weak',
  CA_MD_TOO_WEAK: 'CA signature digest algorithm too weak',
};

/**
 * An undici connector that reports every TLS handshake's certificate to `onHandshake`, keyed
 * by `endpointOf` of the URL it was made for, before deciding whether to trust it.
 */
export function createCapturingConnector(options: {
  ignoreTls: boolean;
  timeoutMs: number;
  onHandshake: (endpoint: string, info: TlsInfo) => void;
  now: () => Date;
  /** Checked on the address dialled, after DNS (architecture rule 10). */
  egress: EgressPolicy;
}): buildConnector.connector {
  const { egress } = options;
  const connect = buildConnector({
    ...egressSocketOptions(egress),
    secureContext: sharedSecureContext(),
    // Verification is decided below, after the certificate has been recorded, so that an
    // invalid certificate still shows up in certInfo.
    rejectUnauthorized: false,
    // A resumed session carries no certificate chain and skips verification; a monitor must
    // see the certificate the server presents now.
    maxCachedSessions: 0,
    timeout: options.timeoutMs,
  });
  return guardConnector(egress, (target, callback) => {
    connect(target, (...args) => {
      const [error, socket] = args;
      if (error !== null) {
        callback(error, null);
        return;
      }
      if (!(socket instanceof TLSSocket)) {
        callback(null, socket);
        return;
      }
      const peer = socket.getPeerCertificate(true);
      if (hasCertificate(peer)) {
        const info = { valid: socket.authorized, certInfo: toCertInfo(peer, options.now()) };
        options.onHandshake(`${unbracket(target.hostname)}:${target.port || '443'}`, info);
      }
      if (!socket.authorized && !options.ignoreTls) {
        socket.destroy();
        const identity = target.servername || unbracket(target.hostname);
        callback(verificationError(socket, identity, peer), null);
        return;
      }
      callback(null, socket);
    });
  });
}

/** The key under which `onHandshake` reports the certificate of a connection to `url`. */
export function endpointOf(url: URL): string {
  return `${unbracket(url.hostname)}:${url.port || (url.protocol === 'https:' ? '443' : '80')}`;
}

function verificationError(socket: TLSSocket, identity: string, peer: object): Error {
  // Typed as Error, but Node stores the error's code (a string) here.
  const code = String(socket.authorizationError as unknown);
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID' && hasCertificate(peer)) {
    const mismatch = checkServerIdentity(identity, peer);
    if (mismatch !== undefined) return mismatch;
  }
  return Object.assign(new Error(VERIFY_ERROR_TEXTS[code] ?? code), { code });
}

let secureContext: SecureContext | undefined;

// Building a context (loading the CA store) costs more than the handshake's own crypto; all
// checks share one, lazily so that importing this module stays free.
function sharedSecureContext(): SecureContext {
  secureContext ??= createSecureContext();
  return secureContext;
}

/** A URL's hostname as a socket wants it: an IPv6 literal without its brackets. */
export function unbracket(hostname: string): string {
  return hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
}
