import type { Proxy } from './proxy.js';

/**
 * What an HTTP check needs to send its request through the monitor's proxy (docs/protocol/proxies.md).
 * Holds the proxy password: never log it.
 */
export type CheckProxy = Pick<
  Proxy,
  'protocol' | 'host' | 'port' | 'auth' | 'username' | 'password'
>;
