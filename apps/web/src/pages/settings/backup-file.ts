/** What a Kuma JSON export holds, counted before it is sent (docs/protocol/settings.md#uploadbackup). */
export interface BackupSummary {
  version: string;
  monitors: number;
  notifications: number;
  proxies: number;
}

/** Reads an export's text; throws with a plain message when it is not one. */
export function summariseBackup(text: string): BackupSummary {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error('not-json');
  }
  const backup = parsed as Record<string, unknown>;
  if (typeof parsed !== 'object' || parsed === null || !Array.isArray(backup.monitorList)) {
    throw new Error('not-backup');
  }
  const count = (value: unknown) => (Array.isArray(value) ? value.length : 0);
  return {
    version: typeof backup.version === 'string' ? backup.version : '',
    monitors: count(backup.monitorList),
    notifications: count(backup.notificationList),
    proxies: count(backup.proxyList),
  };
}

/** The export Kuma 1.23 writes: `{version, notificationList, proxyList, monitorList}`. */
export function buildBackup(
  version: string,
  notificationList: readonly unknown[],
  proxyList: readonly unknown[],
  monitorList: readonly unknown[],
): string {
  return JSON.stringify({ version, notificationList, proxyList, monitorList }, null, 4);
}

/** Runs `task` on every item with at most `limit` at a time, answering results in order. */
export async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
  onEach: (done: number) => void = () => undefined,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  let done = 0;
  async function worker() {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T);
      onEach(++done);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
