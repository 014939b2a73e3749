// What the worker's hot statements cost on PGlite (embedded mode), one kind at a time: CPU of
// this process per statement, in the shapes 100 checks/s produces (a scheduler tick's jobs
// share one state read, a beat batch one write), on N seeded monitors.
//
//   npm run bench:pglite -- [--monitors 2000] [--jobs 5] [--batch 8] [--seconds 3] [--analyze]
//
// `select 1` and `select $1` show the fixed cost of one statement without and with
// parameters. --analyze runs ANALYZE after seeding (PGlite has no autovacuum to do it).
// Never part of `npm test`.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import {
  checkTargetRepository,
  configureSecrets,
  maintenanceRepository,
  heartbeatRepository,
  openDatabase,
  type BeatToRecord,
} from '@watchpost/core/db';
import { TEST_ROLE_ENV } from '@watchpost/core/testing';
import { seedMonitors } from './pipeline/seed-monitors.js';

const { values } = parseArgs({
  options: {
    monitors: { type: 'string', default: '2000' },
    batch: { type: 'string', default: '8' },
    jobs: { type: 'string', default: '5' },
    seconds: { type: 'string', default: '3' },
    analyze: { type: 'boolean', default: false },
  },
});
const monitors = Number(values.monitors);
const batch = Number(values.batch);
const jobs = Number(values.jobs);
const seconds = Number(values.seconds);

const dir = await mkdtemp(join(tmpdir(), 'watchpost-bench-pglite-'));
try {
  await configureSecrets(TEST_ROLE_ENV, { kind: 'pglite', dataDir: dir });
  const { db, close } = await openDatabase({ kind: 'pglite', dataDir: dir });
  await seedMonitors(db, {
    monitors,
    tenants: 1,
    intervalSec: 20,
    urlOf: (n) => `http://127.0.0.1:9/m/${n}`,
  });
  const ids = (await db.selectFrom('monitors').select(['id', 'tenant_id']).execute()).map((r) => ({
    monitorId: r.id,
    tenantId: r.tenant_id,
  }));
  if (values.analyze) await sql`ANALYZE`.execute(db);
  let next = 0;
  const take = (n: number) => {
    const out = [];
    for (let i = 0; i < n; i++) out.push(ids[next++ % ids.length]!);
    return out;
  };
  const beatOf = (ref: { monitorId: number; tenantId: number }): BeatToRecord => ({
    ...ref,
    status: 1,
    msg: '200 - OK',
    time: new Date(),
    pingMs: 1.5,
    durationSec: 20,
    downCount: 0,
    important: false,
    retries: 0,
    nextDueAt: new Date(Date.now() + 20_000),
  });

  const kinds: [string, () => Promise<unknown>][] = [
    ['select 1', () => sql`select 1`.execute(db)],
    ['select $1', () => sql`select ${1}::int`.execute(db)],
    [`loadCheckRuntimes ×${jobs}`, () => checkTargetRepository.loadCheckRuntimes(db, take(jobs))],
    [
      `findMonitorsUnderMaintenance ×${jobs}`,
      () => maintenanceRepository.findMonitorsUnderMaintenance(db, take(jobs), Date.now()),
    ],
    [`recordBeats ×${batch}`, () => heartbeatRepository.recordBeats(db, take(batch).map(beatOf))],
  ];
  for (const [name, run] of kinds) {
    for (let i = 0; i < 20; i++) await run();
    const start = process.cpuUsage();
    const until = performance.now() + seconds * 1000;
    let n = 0;
    while (performance.now() < until) {
      await run();
      n++;
    }
    const cpu = process.cpuUsage(start);
    const ms = (cpu.user + cpu.system) / 1000 / n;
    console.log(`${name.padEnd(36)} ${ms.toFixed(3)} ms CPU each (${n} runs)`);
  }
  await close();
} finally {
  await rm(dir, { recursive: true, force: true });
}
