import { describe, expect, it } from 'vitest';
import { readPresentedApiKey } from './presented-api-key.js';

const KEY = 'uk1_9XPRjV7ilGj9CvWRKYiBPq9GLtQs74UzTxKfCxWY';
const basic = (text: string) => `Basic ${Buffer.from(text, 'utf8').toString('base64')}`;

describe('readPresentedApiKey', () => {
  it('reads a Bearer key, whatever the scheme’s case', () => {
    expect(readPresentedApiKey(`Bearer ${KEY}`)).toBe(KEY);
    expect(readPresentedApiKey(`bearer ${KEY}`)).toBe(KEY);
  });

  it('reads the password of Basic credentials, with any or no username', () => {
    expect(readPresentedApiKey(basic(`prometheus:${KEY}`))).toBe(KEY);
    expect(readPresentedApiKey(basic(`:${KEY}`))).toBe(KEY);
    expect(readPresentedApiKey(basic(`a:b:${KEY}`))).toBe(`b:${KEY}`);
    expect(readPresentedApiKey(basic('user:'))).toBe('');
  });

  it.each([
    ['no header', undefined],
    ['empty', ''],
    ['scheme only', 'Bearer'],
    ['unknown scheme', `Token ${KEY}`],
    ['Basic without a colon', basic(KEY)],
    ['Basic that is not base64', 'Basic !!!'],
    ['Basic with junk after valid base64', `${basic(`u:${KEY}`)}*`],
    ['two credentials', `Bearer ${KEY} ${KEY}`],
  ])('finds no key in %s', (_case, header) => {
    expect(readPresentedApiKey(header)).toBeNull();
  });
});
