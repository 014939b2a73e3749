// Fairness benchmark (architecture rule 13): one tenant's monitors hang on a tarpit (a
// server that accepts and never answers) while another tenant's monitors are checked every
// second; prints how late the other tenant's checks start, with the per-tenant cap and
// without it.
//
//   npm run bench:fairness -- --hostile 500 --victims 20 --seconds 20 --concurrency 20 --cap 5
import { parseArgs } from 'node:util';
import { createTestDatabase, uniqueRedisPrefix } from '@watchpost/core/testing';
import { percentile, runFairnessScenario } from '../test/support/fairness-scenario.js';

const { values } = parseArgs({
  options: {
    hostile: { type: 'string', default: '500' },
    victims: { type: 'string', default: '20' },
    seconds: { type: 'string', default: '20' },
    concurrency: { type: 'string', default: '20' },
    cap: { type: 'string', default: '5' },
  },
});

const t = await createTestDatabase();
try {
  for (const cap of [Number(values.cap), null]) {
    const result = await runFairnessScenario(t.db, uniqueRedisPrefix('bench-fairness'), {
      hostileMonitors: Number(values.hostile),
      victimMonitors: Number(values.victims),
      tenantChecksInFlight: cap,
      workerConcurrency: Number(values.concurrency),
      seconds: Number(values.seconds),
    });
    const late = result.victimLatenessMs;
    const label = cap === null ? 'no per-tenant cap' : `per-tenant cap ${cap}`;
    console.log(
      `${label.padEnd(18)} other tenant's lateness p50 ${percentile(late, 50)} ms, ` +
        `p99 ${percentile(late, 99)} ms, max ${late.at(-1) ?? NaN} ms over ${late.length} checks ` +
        `(${values.victims} monitors every 1 s, expected ~${Number(values.victims) * Number(values.seconds)}); ` +
        `hostile jobs ${result.hostileJobs}, tarpit connections ${result.tarpitConnections}`,
    );
  }
} finally {
  await t.drop();
}
