import { once } from 'node:events';
import { createServer } from 'node:net';
import type { AddressInfo, Server, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { PortCheckSettings } from '@watchpost/core';
import { runPortCheck } from './port-check.js';

function makeSettings(overrides: Partial<PortCheckSettings> = {}): PortCheckSettings {
  return { hostname: '127.0.0.1', port: null, interval: 60, timeout: 2, ...overrides };
}

describe('runPortCheck', () => {
  let server: Server | undefined;
  const sockets = new Set<Socket>();

  afterEach(async () => {
    for (const socket of sockets) socket.destroy();
    sockets.clear();
    if (server?.listening) {
      server.close();
      await once(server, 'close');
    }
    server = undefined;
  });

  async function listen(): Promise<number> {
    server = createServer((socket) => sockets.add(socket));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return (server.address() as AddressInfo).port;
  }

  it('reports UP with an empty msg and the connect time for an open port', async () => {
    const port = await listen();

    const result = await runPortCheck(makeSettings({ port }));

    expect(result).toEqual({ status: 'up', msg: '', pingMs: expect.any(Number) });
  });

  it('reports DOWN with the connect error text for a closed port', async () => {
    const port = await listen();
    server?.close();
    await once(server as Server, 'close');

    expect(await runPortCheck(makeSettings({ port }))).toEqual({
      status: 'down',
      msg: `connect ECONNREFUSED 127.0.0.1:${port}`,
      pingMs: null,
    });
  });

  it('reports DOWN without connecting when hostname or port is missing', async () => {
    expect(await runPortCheck(makeSettings({ hostname: null, port: 80 }))).toMatchObject({
      status: 'down',
      msg: 'Hostname is not set',
    });
    expect(await runPortCheck(makeSettings({ hostname: ' ', port: 80 }))).toMatchObject({
      status: 'down',
      msg: 'Hostname is not set',
    });
    expect(await runPortCheck(makeSettings({ port: null }))).toMatchObject({
      status: 'down',
      msg: 'Port is not set',
    });
    expect(await runPortCheck(makeSettings({ port: 70000 }))).toMatchObject({
      status: 'down',
      msg: 'Invalid port 70000',
    });
  });

  it('reports DOWN with the reason when the caller has aborted', async () => {
    const port = await listen();
    const controller = new AbortController();
    controller.abort(new Error('timeout by AbortSignal (12s)'));

    expect(await runPortCheck(makeSettings({ port }), { signal: controller.signal })).toEqual({
      status: 'down',
      msg: 'timeout by AbortSignal (12s)',
      pingMs: null,
    });
  });
});
