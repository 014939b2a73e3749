import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeService, type FakeService } from '../fake-service.js';
import { providerFor } from '../registry.js';
import { pagerDutyProvider } from './pagerduty.js';
import {
  downEvent,
  makeMonitorJSON,
  REFUSED_URL,
  TEST_CONTEXT,
  testMessage,
  upEvent,
} from './provider-test-events.js';

let service: FakeService;
beforeAll(async () => {
  service = await startFakeService();
});
afterAll(async () => service?.close());

const config = (overrides: Record<string, unknown> = {}) => ({
  type: 'PagerDuty',
  pagerdutyIntegrationKey: 'R0UTINGKEY',
  pagerdutyIntegrationUrl: `${service.url}/v2/enqueue`,
  pagerdutyPriority: 'critical',
  pagerdutyAutoResolve: 'resolve',
  ...overrides,
});

const ACCEPTED = { status: 202, body: { status: 'success', message: 'Event processed' } };

describe('PagerDuty provider (docs/protocol/notification-providers.md#pagerduty)', () => {
  it('is registered under its Kuma type', () => {
    expect(providerFor('PagerDuty')).toBe(pagerDutyProvider);
  });

  it('triggers an incident keyed by the monitor id for a DOWN beat, with the URL as source', async () => {
    service.replyWith(ACCEPTED);
    const context = { ...TEST_CONTEXT, baseUrl: 'https://status.example' };
    const result = await pagerDutyProvider.send(config(), downEvent(), context);
    expect(result).toBe('PagerDuty notification succeed: Accepted');
    const request = service.requests.at(-1);
    expect(request).toMatchObject({ method: 'POST', url: '/v2/enqueue' });
    expect(request?.headers['content-type']).toBe('application/json');
    // client/client_url are left out even with a base URL, as upstream sends them (docs/protocol/notification-providers.md#quirks-and-resolutions #2).
    expect(request?.json).toEqual({
      payload: {
        summary: '[Uptime Kuma Monitor 🔴 Down] [Shop API] Request failed with status code 503',
        severity: 'critical',
        source: 'https://shop.example/health',
      },
      routing_key: 'R0UTINGKEY',
      event_action: 'trigger',
      dedup_key: 'Uptime Kuma/7',
    });
  });

  it('resolves the same dedup_key for an UP beat when auto-resolve is set', async () => {
    service.replyWith(ACCEPTED);
    await pagerDutyProvider.send(config(), upEvent(), TEST_CONTEXT);
    expect(service.requests.at(-1)?.json).toEqual({
      payload: {
        summary: '[Uptime Kuma Monitor ✅ Up] [Shop API] 200 - OK',
        severity: 'critical',
        source: 'https://shop.example/health',
      },
      routing_key: 'R0UTINGKEY',
      event_action: 'resolve',
      dedup_key: 'Uptime Kuma/7',
    });
  });

  it('sends nothing for an UP beat when auto-resolve is unset or "do nothing" ("0")', async () => {
    const before = service.requests.length;
    for (const pagerdutyAutoResolve of [undefined, '', '0']) {
      await expect(
        pagerDutyProvider.send(config({ pagerdutyAutoResolve }), upEvent(), TEST_CONTEXT),
      ).resolves.toBe('No action required');
    }
    expect(service.requests).toHaveLength(before);
  });

  it('triggers a test with upstream’s stand-in monitor and the default severity', async () => {
    service.replyWith(ACCEPTED);
    await pagerDutyProvider.send(
      config({ pagerdutyPriority: undefined }),
      testMessage(),
      TEST_CONTEXT,
    );
    expect(service.requests.at(-1)?.json).toEqual({
      payload: {
        summary: '[Uptime Kuma Alert] [undefined] My Alert (1) Testing',
        severity: 'warning',
        source: 'Uptime Kuma Test Button',
      },
      routing_key: 'R0UTINGKEY',
      event_action: 'trigger',
      dedup_key: 'Uptime Kuma/undefined',
    });
  });

  it('uses host:port as the source of port monitors and the hostname of ping monitors', async () => {
    const port = makeMonitorJSON({ type: 'port', hostname: 'db.internal', port: 5432, url: null });
    await pagerDutyProvider.send(config(), downEvent(port), TEST_CONTEXT);
    expect(service.requests.at(-1)?.json).toMatchObject({
      payload: { source: 'db.internal:5432' },
    });
    const ping = makeMonitorJSON({ type: 'ping', hostname: '10.0.0.1', url: null });
    await pagerDutyProvider.send(config(), downEvent(ping), TEST_CONTEXT);
    expect(service.requests.at(-1)?.json).toMatchObject({ payload: { source: '10.0.0.1' } });
  });

  it('reports a non-2xx answer and a refused connection raw, without prefix or body', async () => {
    service.replyWith({
      status: 400,
      body: { status: 'invalid event', errors: ['Event object is invalid'] },
    });
    await expect(pagerDutyProvider.send(config(), downEvent(), TEST_CONTEXT)).rejects.toThrow(
      /^Request failed with status code 400$/,
    );
    const refused = config({ pagerdutyIntegrationUrl: `${REFUSED_URL}/v2/enqueue` });
    await expect(pagerDutyProvider.send(refused, downEvent(), TEST_CONTEXT)).rejects.toThrow(
      /^connect ECONNREFUSED 127\.0\.0\.1:1$/,
    );
  });
});
