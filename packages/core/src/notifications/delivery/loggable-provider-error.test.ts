import { describe, expect, it } from 'vitest';
import { loggableProviderError, MAX_LOGGED_ERROR_CHARS } from './loggable-provider-error.js';

const config = {
  type: 'webhook',
  webhookURL: 'https://hooks.example/T0/secret-path',
  webhookAdditionalHeaders: '{"Authorization":"Bearer abcdef123456","X-Env":"prod"}',
};

describe('loggableProviderError', () => {
  it('replaces the config’s values and the headers it sends wherever the error repeats them', () => {
    const text = loggableProviderError(
      'Error: AxiosError: Request failed with status code 500 {"url":"https://hooks.example/T0/secret-path","auth":"Bearer abcdef123456"}',
      config,
    );
    expect(text).not.toContain('secret-path');
    expect(text).not.toContain('abcdef123456');
    expect(text).toContain('Request failed with status code 500');
  });

  it('replaces credentials an echoing service shows even when the config does not hold them', () => {
    const text = loggableProviderError(
      'Error: 401 {"headers":{"authorization":"Basic dXNlcjpwYXNz","x-api-key":"k-998877"}}',
      { type: 'gotify' },
    );
    expect(text).not.toContain('dXNlcjpwYXNz');
    expect(text).not.toContain('k-998877');
  });

  it('cuts a long error page short and says how long it was', () => {
    const text = loggableProviderError(`Error: 502 ${'<p>Bad gateway</p>'.repeat(1000)}`, config);
    expect(text.length).toBeLessThan(MAX_LOGGED_ERROR_CHARS + 40);
    expect(text).toMatch(/… \(\d+ characters\)$/);
  });

  it('leaves a short error that holds no secret as it is', () => {
    expect(loggableProviderError('connect ECONNREFUSED 127.0.0.1:1', config)).toBe(
      'connect ECONNREFUSED 127.0.0.1:1',
    );
  });
});
