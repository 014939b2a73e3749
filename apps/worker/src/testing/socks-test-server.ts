import { once } from 'node:events';
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';

/** One CONNECT request as the proxy received it. */
export interface SocksConnectRequest {
  version: 4 | 5;
  /** The destination as sent: an address, or a name for the proxy to resolve. */
  host: string;
  port: number;
  /** The SOCKS5 username or SOCKS4 user id; null when none was sent. */
  user: string | null;
}

export interface SocksTestServerOptions {
  /**
   * Demand these: SOCKS5 clients must log in with them (RFC 1929), SOCKS4 requests must carry
   * the username as their user id.
   */
  credentials?: { username: string; password: string };
  /** Names only this proxy can resolve, like a proxy with its own DNS view. */
  hosts?: Record<string, string>;
}

export interface SocksTestServer {
  port: number;
  /** Every CONNECT request received, granted or not. */
  requests: SocksConnectRequest[];
  close(): Promise<void>;
}

const SOCKS4_GRANTED = 90;
const SOCKS4_FAILED = 91;
const SOCKS4_REJECTED_IDENT = 93;
const SOCKS5_GRANTED = 0;
const SOCKS5_FAILURE = 1;
const SOCKS5_HOST_UNREACHABLE = 4;
const SOCKS5_CONNECTION_REFUSED = 5;
const SOCKS5_COMMAND_NOT_SUPPORTED = 7;
const NO_AUTH = 0;
const USER_PASS = 2;
const NO_ACCEPTABLE_METHOD = 0xff;
const CONNECT = 1;

/**
 * A SOCKS4/4a/5 proxy on 127.0.0.1, port 0, for check tests. CONNECT only; it tunnels to the
 * requested destination and records each request, so a test can see whether a name or an
 * address reached the proxy.
 */
export async function startSocksTestServer(
  options: SocksTestServerOptions = {},
): Promise<SocksTestServer> {
  const requests: SocksConnectRequest[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    serve(client, options, requests).catch(() => client.destroy());
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    async close() {
      for (const socket of sockets) socket.destroy();
      server.close();
      await once(server, 'close');
    },
  };
}

async function serve(
  client: Socket,
  options: SocksTestServerOptions,
  requests: SocksConnectRequest[],
): Promise<void> {
  const reader = new HandshakeReader(client);
  const [version] = await reader.read(1);
  if (version === 4) await serveSocks4(client, reader, options, requests);
  else if (version === 5) await serveSocks5(client, reader, options, requests);
  else client.destroy();
}

async function serveSocks4(
  client: Socket,
  reader: HandshakeReader,
  options: SocksTestServerOptions,
  requests: SocksConnectRequest[],
): Promise<void> {
  const head = await reader.read(7);
  const port = head.readUInt16BE(1);
  const address = [...head.subarray(3, 7)].join('.');
  const user = await reader.readNullTerminated();
  // SOCKS4a: an address 0.0.0.x (x ≠ 0) means a name follows for the proxy to resolve.
  const host = /^0\.0\.0\.[1-9]/.test(address) ? await reader.readNullTerminated() : address;
  requests.push({ version: 4, host, port, user: user === '' ? null : user });
  const reply = (code: number) => Buffer.from([0, code, 0, 0, 0, 0, 0, 0]);
  if (head[0] !== CONNECT) return void client.end(reply(SOCKS4_FAILED));
  if (options.credentials && user !== options.credentials.username) {
    return void client.end(reply(SOCKS4_REJECTED_IDENT));
  }
  tunnel(client, reader, resolve(host, options), port, {
    granted: reply(SOCKS4_GRANTED),
    failed: () => reply(SOCKS4_FAILED),
  });
}

async function serveSocks5(
  client: Socket,
  reader: HandshakeReader,
  options: SocksTestServerOptions,
  requests: SocksConnectRequest[],
): Promise<void> {
  const [methodCount = 0] = await reader.read(1);
  const methods = [...(await reader.read(methodCount))];
  const method = options.credentials ? USER_PASS : NO_AUTH;
  if (!methods.includes(method)) return void client.end(Buffer.from([5, NO_ACCEPTABLE_METHOD]));
  client.write(Buffer.from([5, method]));

  let user: string | null = null;
  if (options.credentials) {
    const [, userLength = 0] = await reader.read(2);
    user = (await reader.read(userLength)).toString('utf8');
    const [passwordLength = 0] = await reader.read(1);
    const password = (await reader.read(passwordLength)).toString('utf8');
    const accepted =
      user === options.credentials.username && password === options.credentials.password;
    if (!accepted) return void client.end(Buffer.from([1, 1]));
    client.write(Buffer.from([1, 0]));
  }

  const [, command, , addressType] = await reader.read(4);
  const host = await readSocks5Address(reader, addressType);
  const port = (await reader.read(2)).readUInt16BE(0);
  requests.push({ version: 5, host, port, user });
  const reply = (code: number) => Buffer.from([5, code, 0, 1, 0, 0, 0, 0, 0, 0]);
  if (command !== CONNECT) return void client.end(reply(SOCKS5_COMMAND_NOT_SUPPORTED));
  tunnel(client, reader, resolve(host, options), port, {
    granted: reply(SOCKS5_GRANTED),
    failed: (code) =>
      reply(
        code === 'ECONNREFUSED'
          ? SOCKS5_CONNECTION_REFUSED
          : code === 'ENOTFOUND'
            ? SOCKS5_HOST_UNREACHABLE
            : SOCKS5_FAILURE,
      ),
  });
}

async function readSocks5Address(
  reader: HandshakeReader,
  addressType: number | undefined,
): Promise<string> {
  switch (addressType) {
    case 1:
      return [...(await reader.read(4))].join('.');
    case 3: {
      const [length = 0] = await reader.read(1);
      return (await reader.read(length)).toString('utf8');
    }
    case 4: {
      const bytes = await reader.read(16);
      const groups = Array.from({ length: 8 }, (_, i) => bytes.readUInt16BE(i * 2).toString(16));
      return groups.join(':');
    }
    default:
      throw new Error(`unknown SOCKS5 address type ${String(addressType)}`);
  }
}

function resolve(host: string, options: SocksTestServerOptions): string {
  return options.hosts?.[host] ?? host;
}

function tunnel(
  client: Socket,
  reader: HandshakeReader,
  host: string,
  port: number,
  replies: { granted: Buffer; failed: (code: string | undefined) => Buffer },
): void {
  const upstream = connect(port, host);
  upstream.once('connect', () => {
    upstream.removeAllListeners('error');
    upstream.on('error', () => client.destroy());
    client.write(replies.granted);
    upstream.write(reader.release());
    client.pipe(upstream);
    upstream.pipe(client);
  });
  upstream.once('error', (error: NodeJS.ErrnoException) => client.end(replies.failed(error.code)));
  client.once('close', () => upstream.destroy());
}

/** Reads a handshake field by field, then hands back what arrived beyond it. */
class HandshakeReader {
  private buffered = Buffer.alloc(0);
  private wake: (() => void) | undefined;
  private closed = false;

  constructor(private readonly socket: Socket) {
    socket.on('data', this.onData);
    socket.once('close', () => {
      this.closed = true;
      this.wake?.();
    });
  }

  private readonly onData = (chunk: Buffer): void => {
    this.buffered = Buffer.concat([this.buffered, chunk]);
    this.wake?.();
  };

  async read(length: number): Promise<Buffer> {
    await this.waitFor(() => this.buffered.length >= length);
    return this.take(length);
  }

  async readNullTerminated(): Promise<string> {
    await this.waitFor(() => this.buffered.includes(0));
    const field = this.take(this.buffered.indexOf(0) + 1);
    return field.subarray(0, -1).toString('utf8');
  }

  /** Stops reading; the caller pipes the socket from here on. */
  release(): Buffer {
    this.socket.off('data', this.onData);
    this.socket.pause();
    return this.take(this.buffered.length);
  }

  private async waitFor(ready: () => boolean): Promise<void> {
    while (!ready()) {
      if (this.closed) throw new Error('client closed during the SOCKS handshake');
      await new Promise<void>((wake) => (this.wake = wake));
    }
  }

  private take(length: number): Buffer {
    const bytes = this.buffered.subarray(0, length);
    this.buffered = this.buffered.subarray(length);
    return bytes;
  }
}
