import { describe, expect, it } from 'vitest';
import { parseEgressPolicy } from './egress-env.js';
import { egressVerdict, EgressRefusedError, assertEgressAllowed } from './egress-policy.js';

describe('egress policy', () => {
  it('defaults to public-only when distributed and allow-private when embedded', () => {
    expect(parseEgressPolicy({}, 'distributed').mode).toBe('public-only');
    expect(parseEgressPolicy({}, 'embedded').mode).toBe('allow-private');
    expect(parseEgressPolicy({ EGRESS_POLICY: '' }, 'distributed').mode).toBe('public-only');
    expect(parseEgressPolicy({ EGRESS_POLICY: 'public-only' }, 'embedded').mode).toBe(
      'public-only',
    );
  });

  it('refuses an unknown policy and a bad CIDR at start', () => {
    expect(() => parseEgressPolicy({ EGRESS_POLICY: 'none' }, 'distributed')).toThrow(
      /EGRESS_POLICY/,
    );
    expect(() => parseEgressPolicy({ EGRESS_ALLOW: '10.0.0.0/8, nope' }, 'distributed')).toThrow(
      /"nope" is not an IP address or CIDR/,
    );
  });

  it('lets EGRESS_ALLOW open the listed networks and nothing else', () => {
    const policy = parseEgressPolicy({ EGRESS_ALLOW: '127.0.0.1/32 10.5.0.0/16' }, 'distributed');
    expect(egressVerdict(policy, '127.0.0.1')).toEqual({ allowed: true });
    expect(egressVerdict(policy, '10.5.9.9')).toEqual({ allowed: true });
    expect(egressVerdict(policy, '127.0.0.2')).toEqual({ allowed: false, kind: 'loopback' });
    expect(egressVerdict(policy, '10.6.0.1')).toEqual({ allowed: false, kind: 'private' });
    expect(egressVerdict(policy, '::ffff:127.0.0.1')).toEqual({ allowed: false, kind: 'loopback' });
  });

  it('allows everything under allow-private', () => {
    const policy = parseEgressPolicy({ EGRESS_POLICY: 'allow-private' }, 'distributed');
    expect(egressVerdict(policy, '169.254.169.254')).toEqual({ allowed: true });
  });

  it('words a refusal by the policy and the address kind', () => {
    const policy = parseEgressPolicy({}, 'distributed');
    expect(() => assertEgressAllowed(policy, '169.254.169.254')).toThrow(
      new EgressRefusedError('169.254.169.254', 'link-local'),
    );
    expect(new EgressRefusedError('169.254.169.254', 'link-local').message).toBe(
      'Blocked by egress policy: 169.254.169.254 is link-local',
    );
  });
});
