import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SlowTarget {
  url: string;
  /** A path that answers 200 and 500 in turns of `flapEveryMs`, for monitors that alert. */
  flappingUrl: string;
  /** Requests being answered right now. */
  inFlight(): number;
  close(): Promise<void>;
}

/**
 * A check target on loopback that answers after `delayMs`, so a check is in flight long
 * enough for a fault to land in the middle of it.
 */
export async function startSlowTarget(delayMs: number, flapEveryMs: number): Promise<SlowTarget> {
  let inFlight = 0;
  const server = createServer((request, response) => {
    inFlight++;
    setTimeout(() => {
      inFlight--;
      const down = request.url === '/flap' && Math.floor(Date.now() / flapEveryMs) % 2 === 1;
      response.statusCode = down ? 500 : 200;
      response.end(down ? 'down' : 'OK');
    }, delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    flappingUrl: `http://127.0.0.1:${port}/flap`,
    inFlight: () => inFlight,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
