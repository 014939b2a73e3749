import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { probeDockerDaemon } from '../docker-hosts/probe-docker-daemon.js';
import { parseEgressPolicy } from '../egress/egress-env.js';
import { startFakeService, type FakeService } from './fake-service.js';
import type { ProviderContext } from './provider.js';
import { testMessage } from './providers/provider-test-events.js';
import { smtpProvider } from './providers/smtp.js';
import { webhookProvider } from './providers/webhook.js';

// Deliveries, Test and Docker probes under the egress policy (architecture rule 10), against
// real servers on loopback: the fake service's log proves that nothing reached a refused
// address, redirects included.

const PUBLIC_ONLY = parseEgressPolicy({}, 'distributed');
const LOOPBACK_ALLOWED = parseEgressPolicy({ EGRESS_ALLOW: '127.0.0.1/32' }, 'distributed');
const context = (egress = PUBLIC_ONLY): ProviderContext => ({
  baseUrl: null,
  timeoutMs: 5000,
  egress,
});

let service: FakeService;
beforeAll(async () => {
  service = await startFakeService();
});
afterAll(async () => service?.close());
beforeEach(() => service.reset());

const webhook = (url: string) => ({ type: 'webhook', webhookURL: url, webhookContentType: 'json' });

describe('notification deliveries under the egress policy', () => {
  it('fails a webhook to loopback with a text naming the policy, sending nothing', async () => {
    await expect(
      webhookProvider.send(webhook(`${service.url}/hook`), testMessage(), context()),
    ).rejects.toThrow('Blocked by egress policy: 127.0.0.1 is loopback');
    await expect(
      webhookProvider.send(
        webhook(service.url.replace('127.0.0.1', 'localhost')),
        testMessage(),
        context(),
      ),
    ).rejects.toThrow(/Blocked by egress policy: (127\.0\.0\.1|::1) is loopback/);
    expect(service.requests).toEqual([]);
  });

  it('delivers to an address the operator allows', async () => {
    await webhookProvider.send(
      webhook(`${service.url}/hook`),
      testMessage(),
      context(LOOPBACK_ALLOWED),
    );
    expect(service.requests.map((r) => r.url)).toEqual(['/hook']);
  });

  it('refuses a redirect from an allowed address to a refused one', async () => {
    const port = new URL(service.url).port;
    service.replyWith({ status: 302, headers: { location: `http://127.0.0.2:${port}/inside` } });

    await expect(
      webhookProvider.send(
        webhook(`${service.url}/hook`),
        testMessage(),
        context(LOOPBACK_ALLOWED),
      ),
    ).rejects.toThrow('Blocked by egress policy: 127.0.0.2 is loopback');
    expect(service.requests.map((r) => r.url)).toEqual(['/hook']);
  });

  it('refuses an SMTP server on loopback or the metadata address', async () => {
    const smtp = (smtpHost: string) => ({
      type: 'smtp',
      smtpHost,
      smtpPort: 25,
      smtpFrom: 'a@example.com',
      smtpTo: 'b@example.com',
    });

    await expect(smtpProvider.send(smtp('localhost'), testMessage(), context())).rejects.toThrow(
      /^Blocked by egress policy: (127\.0\.0\.1|::1) is loopback$/,
    );
    await expect(
      smtpProvider.send(smtp('169.254.169.254'), testMessage(), context()),
    ).rejects.toThrow('Blocked by egress policy: 169.254.169.254 is link-local');
  });
});

describe('Docker host probes under the egress policy', () => {
  it('refuses unix sockets and TCP daemons on loopback under public-only', async () => {
    await expect(
      probeDockerDaemon(
        { dockerType: 'socket', dockerDaemon: '/var/run/docker.sock' },
        PUBLIC_ONLY,
      ),
    ).rejects.toThrow('Blocked by egress policy: /var/run/docker.sock is unix socket');
    await expect(
      probeDockerDaemon(
        { dockerType: 'tcp', dockerDaemon: `tcp://${new URL(service.url).host}` },
        PUBLIC_ONLY,
      ),
    ).rejects.toThrow('Blocked by egress policy: 127.0.0.1 is loopback');
    expect(service.requests).toEqual([]);
  });

  it('reaches a TCP daemon the operator allows', async () => {
    service.replyWith({ status: 200, body: [] });
    await expect(
      probeDockerDaemon({ dockerType: 'tcp', dockerDaemon: service.url }, LOOPBACK_ALLOWED),
    ).resolves.toBe('Connected Successfully, but there are no containers?');
  });
});
