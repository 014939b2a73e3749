import { describe, expect, it } from 'vitest';
import { redactUrl } from './request-log-serializer.js';

describe('redactUrl', () => {
  it('hides a push token, keeping the rest of the URL', () => {
    expect(redactUrl('/api/push/Ab12Cd34?status=up&msg=OK')).toBe(
      '/api/push/<redacted>?status=up&msg=OK',
    );
    expect(redactUrl('/api/push/Ab12Cd34')).toBe('/api/push/<redacted>');
  });

  it('leaves other URLs alone', () => {
    expect(redactUrl('/api/badge/3/status?label=push')).toBe('/api/badge/3/status?label=push');
    expect(redactUrl('/healthz')).toBe('/healthz');
  });
});
