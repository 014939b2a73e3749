import { describe, expect, it } from 'vitest';
import { acceptsGzip } from './public-response-cache.js';

describe('acceptsGzip', () => {
  it('takes gzip when listed, with any weight above zero', () => {
    expect(acceptsGzip('gzip, deflate, br')).toBe(true);
    expect(acceptsGzip('br;q=1.0, GZIP;q=0.5')).toBe(true);
  });

  it('refuses it when absent or weighted zero', () => {
    expect(acceptsGzip(undefined)).toBe(false);
    expect(acceptsGzip('br, identity')).toBe(false);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('x-gzip')).toBe(false);
  });
});
