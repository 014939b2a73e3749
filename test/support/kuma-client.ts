import { io, type Socket } from 'socket.io-client';

export interface ReceivedEvent {
  event: string;
  args: unknown[];
  at: number;
}

/**
 * A real socket.io-client that records every push it receives, with helpers to call events
 * the way Kuma clients do (data arguments, then the ack).
 */
export interface KumaClient {
  socket: Socket;
  events: ReceivedEvent[];
  call<T = Record<string, unknown>>(event: string, ...args: unknown[]): Promise<T>;
  waitForEvent(
    event: string,
    match?: (args: unknown[]) => boolean,
    timeoutMs?: number,
  ): Promise<unknown[]>;
  close(): void;
}

export async function connectKumaClient(url: string): Promise<KumaClient> {
  const socket = io(url, { transports: ['websocket'], reconnection: false, forceNew: true });
  const events: ReceivedEvent[] = [];
  const waiters: {
    event: string;
    match: (args: unknown[]) => boolean;
    resolve: (a: unknown[]) => void;
  }[] = [];
  socket.onAny((event: string, ...args: unknown[]) => {
    events.push({ event, args, at: Date.now() });
    for (const w of [...waiters]) {
      if (w.event === event && w.match(args)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(args);
      }
    }
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return {
    socket,
    events,
    call(event, ...args) {
      return socket.timeout(10_000).emitWithAck(event, ...args);
    },
    waitForEvent(event, match = () => true, timeoutMs = 10_000) {
      const seen = events.find((e) => e.event === event && match(e.args));
      if (seen) return Promise.resolve(seen.args);
      return new Promise((resolve, reject) => {
        const waiter = { event, match, resolve };
        waiters.push(waiter);
        setTimeout(() => {
          const i = waiters.indexOf(waiter);
          if (i >= 0) {
            waiters.splice(i, 1);
            reject(new Error(`no ${event} within ${timeoutMs} ms`));
          }
        }, timeoutMs);
      });
    },
    close: () => socket.close(),
  };
}
