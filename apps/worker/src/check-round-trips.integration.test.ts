import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import type { Kysely, KyselyPlugin } from 'kysely';
import { monitorInputSchema } from '@watchpost/core';
import { monitorRepository, tenantRepository, type Database } from '@watchpost/core/db';
import { createTestDatabase, type TestDatabase } from '@watchpost/core/testing';
import { createBeatWriter } from './beat-writer.js';
import { createCheckConfigCache } from './check-config-cache.js';
import { createCheckProcessor } from './check-processor.js';
import { runCheck } from './checks/run-check.js';
import { silentObserver } from './worker-observer.js';

// Architecture rule 11: a check's share of the database work must not grow with the batch it
// rides in. Every statement the worker sends is counted at the query builder.

let t: TestDatabase;
let target: Server;
let url: string;
let tenantId: number;
let queries = 0;
let counted: Kysely<Database>;

const countQueries: KyselyPlugin = {
  transformQuery(args) {
    queries++;
    return args.node;
  },
  transformResult: async (args) => args.result,
};

beforeAll(async () => {
  t = await createTestDatabase();
  counted = t.db.withPlugin(countQueries);
  target = createServer((_req, res) => res.end('ok'));
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(target.address() as AddressInfo).port}/`;
  ({ tenantId } = await tenantRepository.createTenantWithAdmin(t.db, {
    name: 'a',
    username: 'a',
    passwordHash: 'x',
  }));
});
afterAll(async () => {
  await new Promise((resolve) => target?.close(resolve));
  await t?.drop();
});

async function addMonitors(count: number): Promise<number[]> {
  const input = monitorInputSchema(20).parse({
    type: 'http',
    name: 'web',
    url,
    accepted_statuscodes: ['200-299'],
  });
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    ids.push(await monitorRepository.insertMonitor(t.db, tenantId, input, true));
  }
  return ids;
}

/**
 * A worker's check path where one burst of jobs is exactly one batch: the loads wait long
 * enough for every job, and the beat batch is as large as the burst.
 */
function processorFor(batchSize: number) {
  const beats = createBeatWriter({
    db: counted,
    // Nobody watches: the statistics after a beat are the stats module's cost, counted there.
    events: { emit: () => {}, isWatched: async () => false },
    logger: pino({ level: 'silent' }),
    maxBatch: batchSize,
    maxWaitMs: 5_000,
    holdMs: 1_000,
  });
  return createCheckProcessor({
    db: counted,
    beats,
    configs: createCheckConfigCache(counted),
    observer: silentObserver,
    logger: pino({ level: 'silent' }),
    runCheck: (monitor, proxy) => runCheck(monitor, proxy),
    loadBatchWaitMs: 500,
  });
}

/** Statements sent while one burst of checks, one per monitor, runs and is written. */
async function queriesForBurst(
  process: ReturnType<typeof processorFor>,
  ids: number[],
  dueAt: number,
): Promise<number> {
  const before = queries;
  const done = await Promise.all(ids.map((monitorId) => process({ monitorId, tenantId, dueAt })));
  expect(done.every((d) => d.kind === 'reschedule')).toBe(true);
  return queries - before;
}

describe('database round trips per check batch', () => {
  it('stay the same whatever the batch size, and drop once configs are kept', async () => {
    const counts: Record<string, { first: number; kept: number }> = {};
    for (const size of [2, 20]) {
      const ids = await addMonitors(size);
      const process = processorFor(size);
      // Past any slot a check picks, so the second burst is not taken for a stale job.
      const later = Date.now() + 3_600_000;
      counts[size] = {
        first: await queriesForBurst(process, ids, later),
        kept: await queriesForBurst(process, ids, later + 60_000),
      };
    }
    expect(counts[20]).toEqual(counts[2]);
    // The kept configs spare their query (and the parsing of every monitor row).
    expect(counts[2]!.kept).toBe(counts[2]!.first - 1);
    // A loaded machine runs forty checks and their writes slowly; nothing here is timed.
  }, 90_000);
});
