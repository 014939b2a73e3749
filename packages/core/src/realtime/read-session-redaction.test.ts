import { describe, expect, it } from 'vitest';
import {
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

  it('leaves pushes without secrets to go out unchanged', () => {
    expect(redactPush(['avgPing', 1, 20])).toBeNull();
    expect(redactPush(['proxyList', []])).toEqual(['proxyList', []]);
  });
});
