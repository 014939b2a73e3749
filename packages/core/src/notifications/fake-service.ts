import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a provider sent, as the fake service received it. */
export interface RecordedRequest {
  method: string;
  /** Path and query, e.g. `/bot123/sendMessage?x=1`. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: unknown;
}

export interface FakeReply {
  status: number;
  /** Answer only after this long (a slow or hanging service). */
  delayMs?: number;
  body?: string | object;
  headers?: Record<string, string>;
}

export interface FakeService {
  /** `http://127.0.0.1:<port>` */
  url: string;
  requests: RecordedRequest[];
  /** The answers for the next requests, in order; afterwards every request gets 200 `ok`. */
  replyWith(...replies: FakeReply[]): void;
  /** Forgets the recorded requests and the answers not given yet. */
  reset(): void;
  close(): Promise<void>;
}

/**
 * A local stand-in for a provider's API (Slack, Telegram, a webhook receiver, …) on port 0:
 * it records every request and answers as told, so a test can check the exact request a
 * provider sends and how it reads success and failure answers. Tests only.
 */
export async function startFakeService(): Promise<FakeService> {
  const requests: RecordedRequest[] = [];
  const queued: FakeReply[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let json: unknown;
      try {
        json = body === '' ? undefined : JSON.parse(body);
      } catch {
        json = undefined;
      }
      requests.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body,
        json,
      });
      const reply = queued.shift() ?? { status: 200, body: 'ok' };
      const isJson = typeof reply.body === 'object';
      const answer = () => {
        if (res.destroyed) return;
        res.writeHead(reply.status, {
          'Content-Type': isJson ? 'application/json' : 'text/plain',
          ...reply.headers,
        });
        res.end(isJson ? JSON.stringify(reply.body) : (reply.body ?? ''));
      };
      if (reply.delayMs) setTimeout(answer, reply.delayMs).unref();
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    replyWith: (...replies) => void queued.push(...replies),
    reset() {
      requests.length = 0;
      queued.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
