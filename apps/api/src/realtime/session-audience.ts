import type { SessionAudience } from '@watchpost/core/realtime';
import type { Session } from './socket-types.js';

/** Read-only sessions never receive a secret (docs/protocol/api-keys.md#read-scope-keys), in a push or in an ack. */
export function audienceOf(session: Session): SessionAudience {
  return session.scope === 'read' ? 'redacted' : 'full';
}

/** An ack's payload as this session may see it: `redact` applied for a read-only session. */
export function forSession<T>(session: Session, value: T, redact: (value: T) => T): T {
  return audienceOf(session) === 'redacted' ? redact(value) : value;
}
