import type { DefaultEventsMap, Server, Socket } from 'socket.io';
import type { ServerToClientEvents } from '@watchpost/core';
import type { ApiKeyScope } from '@watchpost/core/db';

/** Who an authenticated socket acts for. Absent until `login` / `loginByToken` succeed. */
export interface Session {
  userId: number;
  tenantId: number;
  username: string;
  /** `write` for a password or JWT login; an API key login gets the key's scope. */
  scope: ApiKeyScope;
  /** The key a `loginByToken` with an API key used; null for a password or JWT login. */
  apiKeyId: number | null;
  /** When that key expires (the session ends then); null when it never does or for other logins. */
  apiKeyExpiresAt: Date | null;
}

export interface SocketData {
  session?: Session;
  /** Asked for the lean burst in its handshake (docs/protocol/dashboard.md#opting-in). */
  leanBurst?: boolean;
}

// Client events stay untyped here: every one is registered through defineHandler, which
// validates its arguments at runtime instead of trusting a compile-time shape.
export type ApiServer = Server<
  DefaultEventsMap,
  ServerToClientEvents,
  DefaultEventsMap,
  SocketData
>;
export type ApiSocket = Socket<
  DefaultEventsMap,
  ServerToClientEvents,
  DefaultEventsMap,
  SocketData
>;
