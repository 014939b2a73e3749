import { connect, type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { DeflateThresholdServer } from './deflate-threshold.js';

// docs/protocol/transport.md#compression: messages of 1 KB or more are deflated, with the
// context kept between them; smaller ones go plain.

const LARGE = JSON.stringify(
  Array.from({ length: 200 }, (_, id) => ({ id, status: 1, msg: 'OK' })),
);
const MESSAGES = ['42["uptime","7",24,1]', LARGE, '3', LARGE, Buffer.from('small binary')];

let server: DeflateThresholdServer | undefined;
afterEach(() => server?.close());

async function startServer(): Promise<number> {
  const started = new DeflateThresholdServer({
    port: 0,
    host: '127.0.0.1',
    perMessageDeflate: { threshold: 1024, zlibDeflateOptions: { level: 1 } },
  });
  server = started;
  started.on('connection', (socket) => {
    for (const message of MESSAGES) socket.send(message);
  });
  await new Promise((resolve) => started.once('listening', resolve));
  return (started.address() as AddressInfo).port;
}

/** Whether each message the server sent had RSV1 (deflated) set, read off the raw frames. */
async function deflatedFlags(port: number, count: number): Promise<boolean[]> {
  const socket = connect(port, '127.0.0.1');
  socket.write(
    'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
      'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n' +
      'Sec-WebSocket-Extensions: permessage-deflate\r\n\r\n',
  );
  let buffer = Buffer.alloc(0);
  let upgraded = false;
  const flags: boolean[] = [];
  await new Promise<void>((resolve, reject) => {
    socket.on('error', reject);
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      if (!upgraded) {
        const end = buffer.indexOf('\r\n\r\n');
        if (end < 0) return;
        const response = buffer.subarray(0, end).toString();
        if (!response.startsWith('HTTP/1.1 101')) return reject(new Error(response));
        upgraded = true;
        buffer = buffer.subarray(end + 4);
      }
      for (;;) {
        if (buffer.length < 2) break;
        let length = buffer[1]! & 0x7f;
        let header = 2;
        if (length === 126) {
          if (buffer.length < 4) break;
          length = buffer.readUInt16BE(2);
          header = 4;
        } else if (length === 127) {
          if (buffer.length < 10) break;
          length = Number(buffer.readBigUInt64BE(2));
          header = 10;
        }
        if (buffer.length < header + length) break;
        flags.push((buffer[0]! & 0x40) !== 0);
        buffer = buffer.subarray(header + length);
      }
      if (flags.length >= count) resolve();
    });
  });
  socket.destroy();
  return flags;
}

describe('DeflateThresholdServer', () => {
  it('deflates messages of at least the threshold and sends smaller ones plain', async () => {
    const port = await startServer();
    expect(await deflatedFlags(port, MESSAGES.length)).toEqual([false, true, false, true, false]);
  });

  it('delivers every message intact to a client that keeps the context', async () => {
    const port = await startServer();
    const client = new WebSocket(`ws://127.0.0.1:${port}`);
    const received: string[] = [];
    await new Promise<void>((resolve, reject) => {
      client.on('error', reject);
      client.on('message', (data: Buffer) => {
        received.push(data.toString());
        if (received.length === MESSAGES.length) resolve();
      });
    });
    client.close();
    expect(received).toEqual(MESSAGES.map(String));
  });

  it('sends everything plain to a client that offers no compression', async () => {
    const port = await startServer();
    const client = new WebSocket(`ws://127.0.0.1:${port}`, { perMessageDeflate: false });
    const received: string[] = [];
    await new Promise<void>((resolve, reject) => {
      client.on('error', reject);
      client.on('message', (data: Buffer) => {
        received.push(data.toString());
        if (received.length === MESSAGES.length) resolve();
      });
    });
    client.close();
    expect(received).toEqual(MESSAGES.map(String));
  });
});
