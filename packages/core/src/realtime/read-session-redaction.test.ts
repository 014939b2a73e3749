import { describe, expect, it } from 'vitest';
import {
  REDACTED_ERROR_TEXT,
  redactDelivery,
  redactDockerHost,
  redactMonitor,
  redactNotification,
  redactPush,
} from './read-session-redaction.js';

describe('read-session redaction (docs/protocol/api-keys.md#read-scope-keys)', () => {
  it('removes the credentials of a URL and keeps the rest as written', () => {
    const monitor = redactMonitor({ url: 'https://u:p@ss@example.com:8443/a?b=1', pushToken: 'x' });
    expect(monitor).toEqual({ url: 'https://example.com:8443/a?b=1', includeSensitiveData: false });
    expect(redactMonitor({ url: 'https://example.com/@me' })).toMatchObject({
      url: 'https://example.com/@me',
    });
    const host = {
      id: 1,
      userID: 1,
      dockerType: 'tcp',
      name: 'd',
      dockerDaemon: '/run/docker.sock',
    };
    expect(redactDockerHost(host)).toEqual(host);
  });

  it('keeps only what names a notification, also when its config is not an object', () => {
    const base = { id: 1, name: 'n', active: true, userId: 1, isDefault: false };
    expect(
      redactNotification({ ...base, config: '{"name":"n","type":"slack","slackwebhookURL":"s"}' }),
    ).toEqual({ ...base, config: '{"name":"n","type":"slack"}' });
    expect(redactNotification({ ...base, config: 'not json' })).toEqual({ ...base, config: '{}' });
  });

  it('hides every error text of a delivery and keeps what says when and how it went', () => {
    const at = new Date('2026-01-31T12:00:00.000Z');
    const attempt = { at, provider: 'slack', outcome: 'failed', durationMs: 7 };
    const delivery = {
      id: 4,
      notificationId: 2,
      monitorId: 9,
      kind: 'beat',
      status: 'pending',
      attempts: 2,
      lastError: 'Error: AxiosError: 404 https://hooks.example/T0/B0/token',
      createdAt: at,
      finishedAt: null,
      tries: [
        { ...attempt, error: 'Error: https://hooks.example/T0/B0/token' },
        { ...attempt, outcome: 'sent', error: null },
      ],
    };
    expect(redactDelivery(delivery)).toEqual({
      ...delivery,
      lastError: REDACTED_ERROR_TEXT,
      tries: [
        { ...attempt, error: REDACTED_ERROR_TEXT },
        { ...attempt, outcome: 'sent', error: null },
      ],
    });
    expect(redactDelivery({ ...delivery, lastError: null, tries: [] })).toMatchObject({
      lastError: null,
    });
  });

  it('leaves pushes without secrets to go out unchanged', () => {
    expect(redactPush(['avgPing', 1, 20])).toBeNull();
    expect(redactPush(['proxyList', []])).toEqual(['proxyList', []]);
  });
});
