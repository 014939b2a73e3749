import { Agent, request, type Dispatcher } from 'undici';
import type { CheckResult, HttpCheckSettings, TlsInfo } from '@watchpost/core';
import { ALLOW_PRIVATE } from '@watchpost/core/egress';
import { isConnectTimeout, resolveTimeoutMs, startDeadline } from './check-deadline.js';
import { describeError, down } from './check-error.js';
import type { CheckOptions } from './check-options.js';
import { createProxyDispatcher } from './proxy-dispatcher.js';
import { prepareFirstHop, prepareRedirectHop, redirectLocation } from './http-request-hops.js';
import { judgeResponse } from './http-response-judge.js';
import { createCapturingConnector, endpointOf } from './tls-capturing-connector.js';

// What the check's own connections are closed with once it is over. One shared error: with no
// error of its own, undici builds one per check (a captured stack trace each), a per-check
// cost with nothing to show for it, since nobody ever sees it.
const CHECK_FINISHED = new Error('check finished');

/**
 * One `http`, `keyword` or `json-query` check (docs/protocol/monitoring.md#monitor-types). Every call opens its own
 * connections and closes them before returning, so no check measures a warm socket.
 */
export async function runHttpCheck(
  settings: HttpCheckSettings,
  options: CheckOptions = {},
): Promise<CheckResult> {
  const now = options.now ?? (() => new Date());
  const prepared = prepareFirstHop(settings);
  if (!prepared.ok) return down(prepared.msg);

  const timeoutMs = resolveTimeoutMs(settings);
  const egress = options.egress ?? ALLOW_PRIVATE;
  const tlsByEndpoint = new Map<string, TlsInfo>();
  const connectTarget = createCapturingConnector({
    ignoreTls: settings.ignoreTls,
    timeoutMs,
    onHandshake: (endpoint, info) => tlsByEndpoint.set(endpoint, info),
    now,
    egress,
  });
  const proxied = options.proxy
    ? createProxyDispatcher(options.proxy, {
        ignoreTls: settings.ignoreTls,
        timeoutMs,
        connectTls: connectTarget,
        egress,
      })
    : undefined;
  if (proxied && !proxied.ok) return down(proxied.msg);
  const deadline = startDeadline(timeoutMs, options.signal);
  // Through an http proxy's CONNECT tunnel the TLS is undici's own, so certInfo is not
  // captured there; SOCKS tunnels hand their TLS to connectTarget.
  const agent: Dispatcher = proxied
    ? proxied.dispatcher
    : new Agent({
        connect: connectTarget,
        // The deadline below owns every timeout so that each one reads like Kuma's.
        headersTimeout: 0,
        bodyTimeout: 0,
      });

  let hop = prepared.hop;
  const withTls = (result: CheckResult): CheckResult => {
    const tls = tlsByEndpoint.get(endpointOf(hop.url));
    return tls === undefined ? result : { ...result, tls };
  };

  try {
    const maxRedirects = Math.max(0, settings.maxredirects);
    for (let redirects = 0; ; redirects++) {
      const startedAt = performance.now();
      const response = await request(hop.url, {
        method: hop.method,
        headers: hop.headers,
        body: hop.body,
        dispatcher: agent,
        signal: deadline.signal,
      });
      const headersAt = performance.now();

      // With maxredirects 0 axios hands back the 3xx itself, which is then judged like any
      // other status code.
      const location = maxRedirects > 0 ? redirectLocation(response) : undefined;
      if (location !== undefined) {
        await response.body.dump();
        if (redirects >= maxRedirects) return withTls(down('Maximum number of redirects exceeded'));
        const next = prepareRedirectHop(hop, response.statusCode, location);
        if (!next.ok) return withTls(down(next.msg));
        hop = next.hop;
        continue;
      }

      const result = await judgeResponse(settings, response, {
        startedAt,
        headersAt,
        tenantId: options.tenantId ?? 0,
      });
      return withTls(result);
    }
  } catch (error) {
    if (deadline.timedOut || isConnectTimeout(error)) {
      return withTls(down(`timeout of ${timeoutMs}ms exceeded`));
    }
    const cause = options.signal?.aborted ? options.signal.reason : error;
    return withTls(down(describeError(cause)));
  } finally {
    deadline.clear();
    await agent.destroy(CHECK_FINISHED);
  }
}
