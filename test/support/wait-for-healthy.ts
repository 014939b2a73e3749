import { waitFor } from '@watchpost/core/testing';

/** Waits until `url` answers /healthz with 200; on timeout the error carries the processes' output. */
export async function waitForHealthy(
  url: string,
  processes: { output(): string }[],
  timeoutMs = 60_000,
): Promise<void> {
  await waitFor(
    async () => {
      const res = await fetch(`${url}/healthz`).catch(() => null);
      return res?.ok ?? false;
    },
    { timeoutMs, intervalMs: 200, what: `${url}/healthz` },
  ).catch((error: unknown) => {
    throw new Error(`${String(error)}\n${processes.map((p) => p.output()).join('\n')}`);
  });
}
