import { z } from 'zod';
import { parseEnv } from '../config/parse-env.js';
import { parseNetwork, type Network } from './address-kind.js';
import type { EgressPolicy } from './egress-policy.js';

const schema = z.object({
  // Empty, as compose files pass unset variables, means the mode's default.
  EGRESS_POLICY: z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    z.enum(['public-only', 'allow-private']).optional(),
  ),
  EGRESS_ALLOW: z
    .string()
    .optional()
    .transform((text, ctx) => {
      const networks: Network[] = [];
      for (const entry of (text ?? '').split(/[\s,]+/).filter(Boolean)) {
        const network = parseNetwork(entry);
        if (network === null) {
          ctx.addIssue({ code: 'custom', message: `"${entry}" is not an IP address or CIDR` });
          return z.NEVER;
        }
        networks.push(network);
      }
      return networks;
    }),
});

/**
 * The egress policy (architecture rule 10) from `EGRESS_POLICY` and `EGRESS_ALLOW`. The
 * default follows who can be a tenant: one owner in embedded mode, strangers when
 * distributed.
 */
export function parseEgressPolicy(
  env: Record<string, string | undefined>,
  mode: 'embedded' | 'distributed',
): EgressPolicy {
  const c = parseEnv(schema, env);
  const policy = c.EGRESS_POLICY ?? (mode === 'embedded' ? 'allow-private' : 'public-only');
  return policy === 'allow-private'
    ? { mode: 'allow-private' }
    : { mode: 'public-only', allow: c.EGRESS_ALLOW };
}
