import { describe, expect, it } from 'vitest';
import { forwardedHost, prefixTenantId } from './resolve-status-tenant.js';

describe('forwardedHost', () => {
  it('takes the first host of the header, lower-cased, without its port', () => {
    expect(forwardedHost({ 'x-forwarded-host': 'Status.Example.com:443, proxy' })).toBe(
      'status.example.com',
    );
    expect(forwardedHost({ 'x-forwarded-host': '[::1]:8080' })).toBe('[::1]');
    expect(forwardedHost({ 'x-forwarded-host': ['a.test', 'b.test'] })).toBe('a.test');
  });

  it('ignores an absent, empty or malformed header', () => {
    expect(forwardedHost({})).toBeUndefined();
    expect(forwardedHost({ 'x-forwarded-host': ' ' })).toBeUndefined();
    expect(forwardedHost({ 'x-forwarded-host': 'evil.test/path' })).toBeUndefined();
    expect(forwardedHost({ 'x-forwarded-host': 'a'.repeat(254) })).toBeUndefined();
  });
});

describe('prefixTenantId', () => {
  it('tells a tenant id, a malformed segment and no prefix apart', () => {
    expect(prefixTenantId({ params: { tenantId: '42', slug: 'x' } })).toBe(42);
    expect(prefixTenantId({ params: { tenantId: '4x' } })).toBeNull();
    expect(prefixTenantId({ params: { tenantId: '1234567890' } })).toBeNull();
    expect(prefixTenantId({ params: { slug: 'x' } })).toBeUndefined();
  });
});
