// What the statistics after a beat batch cost: the aggregate sums of getWindowStatsFor (24 h and
// 720 h, as publishBeats ran them before) against the rolling window counters, for one batch of
// 200 beats of 200 monitors with a month of aggregates each. Prints statements per batch and the
// median time of each; a script, not a test (the machine's load moves the times).
// Run: node --conditions=source --import tsx bench/stats-publish.ts [--monitors 200 --rounds 20]
import { parseArgs } from 'node:util';
import { sql, type Kysely } from 'kysely';
import {
  heartbeatRepository,
  monitorRepository,
  statsRepository,
  tenantRepository,
  windowCounters,
  type BeatToRecord,
  type Database,
} from '@watchpost/core/db';
import { monitorInputSchema } from '@watchpost/core';
import { createTestDatabase } from '@watchpost/core/testing';

const { values } = parseArgs({
  options: {
    monitors: { type: 'string', default: '200' },
    rounds: { type: 'string', default: '20' },
  },
});
const MONITORS = Number(values.monitors);
const ROUNDS = Number(values.rounds);

function counting(db: Kysely<Database>) {
  let n = 0;
  const counted = db.withPlugin({
    transformQuery: (args) => {
      n++;
      return args.node;
    },
    transformResult: (args) => Promise.resolve(args.result),
  });
  return { db: counted, take: () => ((n = 0), counted), count: () => n };
}

async function median(run: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

const database = await createTestDatabase();
try {
  const db = database.db;
  const { tenantId } = await tenantRepository.createTenantWithAdmin(db, {
    name: 'b',
    username: 'b',
    passwordHash: 'x',
  });
  const input = monitorInputSchema(20).parse({
    type: 'http',
    name: 'm',
    url: 'http://127.0.0.1:1/',
    accepted_statuscodes: ['200-299'],
  });
  const ids: number[] = [];
  for (let i = 0; i < MONITORS; i++)
    ids.push(await monitorRepository.insertMonitor(db, tenantId, input, true));
  // A month of history as the beat write leaves it: every minute of the last 25 h, every hour
  // of the last 31 days, every day of the last 32.
  for (const [table, unit, span] of [
    ['stat_minutely', 'minute', '25 hours'],
    ['stat_hourly', 'hour', '31 days'],
    ['stat_daily', 'day', '32 days'],
  ] as const) {
    await sql`
      INSERT INTO ${sql.table(table)} (monitor_id, tenant_id, bucket, up, down, ping_sum, ping_count)
      SELECT m, ${tenantId}, b, 3, 0, 90, 3
      FROM unnest(${ids}::int[]) m,
           generate_series(date_trunc(${unit}, now() - ${span}::interval), now(), ${'1 ' + unit}::interval) b
    `.execute(db);
  }
  const refs = ids.map((monitorId) => ({ monitorId, tenantId }));
  const beats: BeatToRecord[] = refs.map((r) => ({
    ...r,
    status: 1,
    msg: '',
    time: new Date(),
    pingMs: 30,
    durationSec: 0,
    downCount: 0,
    important: false,
    retries: 0,
    nextDueAt: null,
  }));
  await heartbeatRepository.recordBeats(db, beats);
  await windowCounters.readWindowCounters(db, refs); // the counters start from the aggregates once

  const c = counting(db);
  await Promise.all([
    statsRepository.getWindowStatsFor(c.take(), refs, 24),
    statsRepository.getWindowStatsFor(c.db, refs, 720),
  ]);
  const before = c.count();
  await windowCounters.readWindowCounters(c.take(), refs);
  const after = c.count();
  const beforeMs = await median(() =>
    Promise.all([
      statsRepository.getWindowStatsFor(db, refs, 24),
      statsRepository.getWindowStatsFor(db, refs, 720),
    ]),
  );
  const afterMs = await median(() => windowCounters.readWindowCounters(db, refs));
  console.log(
    `statistics for a batch of ${MONITORS} beats (${MONITORS} monitors), median of ${ROUNDS}:`,
  );
  console.log(`  aggregate sums (before): ${before} statements, ${beforeMs.toFixed(1)} ms`);
  console.log(`  window counters (after): ${after} statement(s), ${afterMs.toFixed(1)} ms`);
  console.log('  an unwatched tenant: 0 statements (publishBeats skips it)');
} finally {
  await database.drop();
}
