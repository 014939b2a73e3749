import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SlowTarget {
  url: string;
  /** Requests being answered right now. */
  inFlight(): number;
  close(): Promise<void>;
}

/**
 * A check target on loopback that answers 200 after `delayMs`, so a check is in flight long
 * enough for a fault to land in the middle of it.
 */
export async function startSlowTarget(delayMs: number): Promise<SlowTarget> {
  let inFlight = 0;
  const server = createServer((_request, response) => {
    inFlight++;
    setTimeout(() => {
      inFlight--;
      response.end('OK');
    }, delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    inFlight: () => inFlight,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
