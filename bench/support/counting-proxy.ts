import { connect, createServer, type AddressInfo } from 'node:net';

/** A TCP proxy on loopback to the API node that counts the bytes it sends back to clients. */
export async function startCountingProxy(apiPort: number): Promise<{
  url: string;
  received: () => number;
  reset: () => void;
  close: () => void;
}> {
  let received = 0;
  const server = createServer((client) => {
    const upstream = connect(apiPort, '127.0.0.1');
    client.pipe(upstream);
    upstream.on('data', (chunk: Buffer) => (received += chunk.length));
    upstream.pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received: () => received,
    reset: () => (received = 0),
    close: () => server.close(),
  };
}
