import { z } from 'zod';
import { formatDateTime } from '../heartbeats/kuma-time.js';
import type { Proxy } from './proxy.js';

// Literal text of docs/protocol/proxies.md / docs/protocol/compatibility.md#literal-strings; it also answers another tenant's id, so ids cannot be
// probed.
export const PROXY_NOT_FOUND_MSG = 'proxy not found';

/** docs/protocol/proxies.md: the protocols Kuma accepts, in its order. */
export const PROXY_PROTOCOLS = ['http', 'https', 'socks', 'socks5', 'socks5h', 'socks4'] as const;
export type ProxyProtocol = (typeof PROXY_PROTOCOLS)[number];

const MAX_TEXT = 1024;
const truthy = z
  .unknown()
  .optional()
  .transform((v) => Boolean(v));
const optionalText = z
  .string()
  .max(MAX_TEXT)
  .nullish()
  .transform((v) => v ?? null);

/**
 * `addProxy`'s first argument (docs/protocol/proxies.md#proxy-object input). Extra keys (the Python client sends back the
 * whole row it fetched, `id`, `userId` and `createdDate` included) are ignored.
 */
export const proxyInputSchema = z.object({
  protocol: z.unknown().transform((value, ctx) => {
    if (typeof value === 'string' && (PROXY_PROTOCOLS as readonly string[]).includes(value)) {
      return value as ProxyProtocol;
    }
    // Upstream's text starts like this; clients only test the prefix (docs/protocol/proxies.md).
    ctx.addIssue({ code: 'custom', message: `Unsupported proxy protocol: ${String(value)}` });
    return z.NEVER;
  }),
  host: z
    .string({ message: 'Proxy host is required.' })
    .trim()
    .min(1, 'Proxy host is required.')
    .max(255, 'Proxy host is too long.'),
  port: z
    .union(
      [
        z.number(),
        z
          .string()
          .regex(/^\d{1,5}$/)
          .transform(Number),
      ],
      {
        message: 'Proxy port must be a number between 1 and 65535.',
      },
    )
    .pipe(
      z
        .number()
        .int('Proxy port must be a number between 1 and 65535.')
        .min(1, 'Proxy port must be a number between 1 and 65535.')
        .max(65_535, 'Proxy port must be a number between 1 and 65535.'),
    ),
  auth: truthy,
  username: optionalText,
  password: optionalText,
  // docs/protocol/compatibility.md#proxy-active-flag: upstream stores true whatever is sent; the input is honoured, absent = true.
  active: z
    .unknown()
    .optional()
    .transform((v) => v === undefined || v === null || Boolean(v)),
  default: truthy,
  applyExisting: truthy,
});
export type ProxyInput = z.output<typeof proxyInputSchema>;

/** docs/protocol/proxies.md#proxy-object: the raw row, camelCase keys, booleans as 0/1 (docs/protocol/compatibility.md#field-names-that-differ). */
export interface ProxyJson {
  id: number;
  userId: number | null;
  protocol: string;
  host: string;
  port: number;
  auth: 0 | 1;
  username: string | null;
  password: string | null;
  active: 0 | 1;
  default: 0 | 1;
  createdDate: string;
}

export function toProxyJson(proxy: Proxy): ProxyJson {
  return {
    id: proxy.id,
    userId: proxy.userId,
    protocol: proxy.protocol,
    host: proxy.host,
    port: proxy.port,
    auth: proxy.auth ? 1 : 0,
    username: proxy.username,
    password: proxy.password,
    active: proxy.active ? 1 : 0,
    default: proxy.isDefault ? 1 : 0,
    createdDate: formatDateTime(proxy.createdAt),
  };
}
