// What the worker's check tests share: settings as the processor builds them, and local targets.
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';
import type { HttpCheckSettings } from '@watchpost/core';

/** An http check's settings as the processor builds them from a monitor, with overrides. */
export function makeHttpCheckSettings(
  overrides: Partial<HttpCheckSettings> = {},
): HttpCheckSettings {
  return {
    type: 'http',
    url: null,
    method: 'GET',
    headers: null,
    body: null,
    httpBodyEncoding: null,
    interval: 60,
    timeout: 2,
    ignoreTls: false,
    maxredirects: 10,
    acceptedStatuscodes: ['200-299'],
    keyword: null,
    invertKeyword: false,
    jsonPath: null,
    expectedValue: null,
    authMethod: null,
    basicAuthUser: null,
    basicAuthPass: null,
    ...overrides,
  };
}

/** Starts a test target on a free loopback port and answers the port. */
export async function listenOnLoopback(server: Server): Promise<number> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return (server.address() as AddressInfo).port;
}

/** Stops a test target, dropping kept-alive connections so close does not wait for them. */
export async function closeServer(server: Server): Promise<void> {
  if (!server.listening) return;
  server.closeAllConnections();
  server.close();
  await once(server, 'close');
}

/** A fresh self-signed certificate for `localhost` and 127.0.0.1, for local TLS targets. */
export function localhostCertificate(): { private: string; cert: string } {
  return generate([{ name: 'commonName', value: 'localhost' }], {
    days: 30,
    keySize: 2048,
    algorithm: 'sha256',
    extensions: [
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  });
}
