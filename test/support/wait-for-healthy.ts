/** Polls `probe` until it returns a truthy value or `timeoutMs` passes. */
export async function waitFor<T>(
  probe: () => Promise<T> | T,
  { timeoutMs = 10_000, intervalMs = 50, what = 'condition' } = {},
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Waits until `url` answers /healthz with 200; on timeout the error carries the processes' output. */
export async function waitForHealthy(
  url: string,
  processes: { output(): string }[],
  timeoutMs = 60_000,
): Promise<void> {
  await waitFor(
    async () => {
      const res = await fetch(`${url}/healthz`).catch(() => null);
      return res?.ok;
    },
    { timeoutMs, intervalMs: 200, what: `${url}/healthz` },
  ).catch((error: unknown) => {
    throw new Error(`${String(error)}\n${processes.map((p) => p.output()).join('\n')}`);
  });
}
