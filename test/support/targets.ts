import { createServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';

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

/** A real HTTPS server with a fresh self-signed certificate valid for `days` days. */
export async function startHttpsTarget(
  days: number,
): Promise<{ url: string; close(): Promise<void> }> {
  const pems = generate([{ name: 'commonName', value: 'localhost' }], { days, keySize: 2048 });
  const server = createHttpsServer({ key: pems.private, cert: pems.cert }, (_req, res) =>
    res.end('OK'),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
