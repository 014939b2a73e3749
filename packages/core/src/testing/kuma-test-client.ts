import { io, type Socket } from 'socket.io-client';
import { waitFor } from './wait-for.js';

export interface ReceivedEvent {
  /** A push's name, or `ack:<event>` for the reply to a call made through this client. */
  event: string;
  args: unknown[];
}

export interface WaitOptions {
  /** Only a push whose arguments satisfy this counts. */
  match?: (args: unknown[]) => boolean;
  timeoutMs?: number;
  /** Also accept a matching push that arrived before the call (default: only new ones). */
  includePast?: boolean;
}

/**
 * A real socket.io-client over a real WebSocket that records every push and ack in arrival
 * order, and calls events the way Kuma clients do (data arguments, then the ack).
 */
export interface KumaTestClient {
  socket: Socket;
  /** Pushes and acks in arrival order. */
  events: ReceivedEvent[];
  /** The ack's first argument. */
  call<T = unknown>(event: string, ...args: unknown[]): Promise<T>;
  /** Every ack argument (for acks that are not one payload). */
  callRaw(event: string, ...args: unknown[]): Promise<unknown[]>;
  /** Resolves with the arguments of the first matching push. */
  waitFor(event: string, options?: WaitOptions): Promise<unknown[]>;
  /** Calls `login` and asserts success; answers the token. */
  login(credentials: { username: string; password: string }): Promise<string>;
  pushesSince(index: number, event?: string): ReceivedEvent[];
  close(): void;
}

const DEFAULT_TIMEOUT_MS = 3_000;

export interface KumaTestClientOptions {
  callTimeoutMs?: number;
  /** `['polling']` behaves like python-socketio before its upgrade. */
  transports?: ('websocket' | 'polling')[];
  /** The handshake's query (e.g. the dashboard's `{burst: 'lean'}`, docs/protocol/dashboard.md#opting-in). */
  query?: Record<string, string>;
  /** Headers of the handshake, e.g. the `X-Forwarded-For` a reverse proxy adds. */
  extraHeaders?: Record<string, string>;
  /** False: the WebSocket does not offer permessage-deflate, so the wire carries plain JSON. */
  compression?: boolean;
}

export async function connectKumaTestClient(
  url: string,
  {
    callTimeoutMs = DEFAULT_TIMEOUT_MS,
    transports = ['websocket'],
    query,
    extraHeaders,
    compression = true,
  }: KumaTestClientOptions = {},
): Promise<KumaTestClient> {
  const socket = io(url, {
    transports,
    forceNew: true,
    reconnection: false,
    ...(query && { query }),
    ...(extraHeaders && { extraHeaders }),
    // Handed to ws as it is, where `false` offers no compression; the client's types only
    // know the object form.
    ...(!compression && { perMessageDeflate: false as unknown as { threshold: number } }),
  });
  const events: ReceivedEvent[] = [];
  socket.onAny((event: string, ...args: unknown[]) => events.push({ event, args }));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });

  const callRaw = (event: string, ...args: unknown[]) =>
    new Promise<unknown[]>((resolve, reject) => {
      socket
        .timeout(callTimeoutMs)
        .emit(event, ...args, (error: Error | null, ...ack: unknown[]) => {
          if (error) return reject(new Error(`no ack for ${event} within ${callTimeoutMs} ms`));
          events.push({ event: `ack:${event}`, args: ack });
          resolve(ack);
        });
    });
  const call = async <T>(event: string, ...args: unknown[]) =>
    (await callRaw(event, ...args))[0] as T;

  return {
    socket,
    events,
    call,
    callRaw,
    waitFor(event, { match = () => true, timeoutMs = callTimeoutMs, includePast = false } = {}) {
      const from = includePast ? 0 : events.length;
      const push = () => events.slice(from).find((e) => e.event === event && match(e.args));
      return waitFor(() => push()?.args ?? false, {
        timeoutMs,
        intervalMs: 5,
        what: `a ${event} push`,
      });
    },
    async login({ username, password }) {
      const reply = await call<{ ok: boolean; token: string }>('login', {
        username,
        password,
        token: '',
      });
      if (!reply.ok) throw new Error(`login failed: ${JSON.stringify(reply)}`);
      return reply.token;
    },
    pushesSince(index, event) {
      return events.slice(index).filter((e) => event === undefined || e.event === event);
    },
    close() {
      socket.close();
    },
  };
}
