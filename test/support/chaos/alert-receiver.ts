import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ReceivedAlert } from './fault-figures.js';

export interface AlertReceiver {
  url: string;
  received: ReceivedAlert[];
  close(): Promise<void>;
}

/** A webhook endpoint on loopback that records every alert posted to it. */
export async function startAlertReceiver(): Promise<AlertReceiver> {
  const received: ReceivedAlert[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      const { heartbeat } = JSON.parse(body) as { heartbeat: { monitorID: number; time: string } };
      received.push({
        monitorId: heartbeat.monitorID,
        wireTime: instantOf(heartbeat.time),
        receivedAt: Date.now(),
      });
      response.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * A beat time as one ISO string, whichever way it was written: Kuma's wire form
 * (`2026-01-02 03:04:05.678`, UTC) or a JSON timestamp with its zone.
 */
export function instantOf(time: string): string {
  const iso = /[zZ]|[+-]\d\d:?\d\d$/.test(time) ? time : `${time.replace(' ', 'T')}Z`;
  return new Date(iso).toISOString();
}
