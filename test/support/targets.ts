import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HttpTarget {
  url: string;
  port: number;
  /** Requests served so far. */
  hits(): number;
  /** Stops answering (connections refused) until start() is called again. */
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

/** A real HTTP server on a free port that answers 200 "OK" and counts requests. */
export async function startHttpTarget(): Promise<HttpTarget> {
  let count = 0;
  let port = 0;
  let server: Server | undefined;

  async function listen() {
    server = createServer((_req, res) => {
      count++;
      res.end('OK');
    });
    await new Promise<void>((resolve) => server!.listen(port, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  }

  async function stop() {
    const s = server;
    server = undefined;
    if (!s) return;
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }

  await listen();
  return {
    get url() {
      return `http://127.0.0.1:${port}/`;
    },
    get port() {
      return port;
    },
    hits: () => count,
    stop,
    start: listen,
    close: stop,
  };
}
