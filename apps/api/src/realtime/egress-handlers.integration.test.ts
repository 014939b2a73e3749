import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEgressPolicy } from '@watchpost/core/egress';
import { startFakeService, type FakeService } from '@watchpost/core/testing';
import {
  createApiTestContext,
  type ApiTestContext,
  type TestClient,
} from '../testing/api-test-context.js';

// What an API node dials for a tenant under `public-only` (architecture rule 10), over a real
// socket: notification Test and Docker host probes run here, and a fake service on loopback
// proves that nothing reached it.

let ctx: ApiTestContext;
let client: TestClient;
let fake: FakeService;

beforeAll(async () => {
  fake = await startFakeService();
  ctx = await createApiTestContext('egress-handlers', {
    egress: parseEgressPolicy({}, 'distributed'),
  });
  client = await ctx.connect();
  await client.login(await ctx.createUser('alice'));
});
afterAll(async () => {
  await ctx?.close();
  await fake?.close();
});

describe('an API node under the public-only egress policy', () => {
  it('fails testNotification to a loopback webhook with the policy text, sending nothing', async () => {
    const webhook = (url: string) => ({
      name: 'Hook',
      type: 'webhook',
      webhookURL: url,
      webhookContentType: 'json',
    });

    expect(await client.call('testNotification', webhook(`${fake.url}/hook`))).toEqual({
      ok: false,
      msg: 'Error: Error: Blocked by egress policy: 127.0.0.1 is loopback ',
    });
    expect(
      await client.call('testNotification', webhook('http://169.254.169.254/latest/meta-data/')),
    ).toEqual({
      ok: false,
      msg: 'Error: Error: Blocked by egress policy: 169.254.169.254 is link-local ',
    });
    expect(fake.requests).toEqual([]);
  });

  it('refuses Docker probes of the node’s unix sockets and of loopback daemons', async () => {
    const probe = (dockerType: string, dockerDaemon: string) =>
      client.call('testDockerHost', { name: 'd', dockerType, dockerDaemon });

    expect(await probe('socket', '/var/run/docker.sock')).toEqual({
      ok: false,
      msg: 'Blocked by egress policy: /var/run/docker.sock is unix socket',
    });
    expect(await probe('tcp', `tcp://${new URL(fake.url).host}`)).toEqual({
      ok: false,
      msg: 'Blocked by egress policy: 127.0.0.1 is loopback',
    });
    expect(fake.requests).toEqual([]);
  });
});
