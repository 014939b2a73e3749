/** At most this many queries at once, so one login leaves most of the pool to everyone else. */
const PARALLEL_PAGES = 4;
/** Fewer monitors than this are one query: splitting them would cost more round trips than it saves. */
const MIN_PAGE = 500;

/**
 * Runs a per-monitor read over pages of the ids at once and merges the answers. One query
 * runs on one Postgres backend, that is one core; thousands of monitors' lateral reads split
 * into a few pages finish in a fraction of the time on a server with cores to spare.
 */
export async function readInParallelPages<V>(
  ids: readonly number[],
  read: (page: number[]) => Promise<Map<number, V>>,
): Promise<Map<number, V>> {
  const size = Math.max(MIN_PAGE, Math.ceil(ids.length / PARALLEL_PAGES));
  const pages: number[][] = [];
  for (let i = 0; i < ids.length; i += size) pages.push(ids.slice(i, i + size));
  if (pages.length <= 1) return read([...ids]);
  const answers = await Promise.all(pages.map(read));
  return new Map(answers.flatMap((answer) => [...answer]));
}
