import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, uniqueRedisPrefix, type TestDatabase } from '@watchpost/core/testing';
import { percentile, runFairnessScenario } from './support/fairness-scenario.js';

// Architecture rule 13: one tenant's checks stuck on a server that never answers do not make
// another tenant's checks late. The figures are printed; the bound asserted is loose enough
// for a loaded machine, and far below the 20 s every slot would be held without the cap.
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.drop());

describe('tenant fairness', () => {
  it('keeps another tenant on schedule while one tenant’s 500 monitors hang on a tarpit', async () => {
    const result = await runFairnessScenario(t.db, uniqueRedisPrefix('fairness'), {
      hostileMonitors: 500,
      victimMonitors: 20,
      tenantChecksInFlight: 5,
      workerConcurrency: 20,
      seconds: 8,
    });
    const lateness = result.victimLatenessMs;
    const p50 = percentile(lateness, 50);
    const p99 = percentile(lateness, 99);
    console.log(
      `fairness: other tenant's check lateness p50 ${p50} ms, p99 ${p99} ms, max ${lateness.at(-1)} ms ` +
        `over ${lateness.length} checks; hostile tenant: 500 monitors, ${result.hostileJobs} jobs, ` +
        `${result.tarpitConnections} tarpit connections (cap 5 of 20 slots)`,
    );
    // Every victim monitor ran, again and again (each once a second on an idle machine).
    expect(lateness.length).toBeGreaterThan(20 * 2);
    // Without the cap each of them waits out the hostile checks' 20 s timeouts.
    expect(p99).toBeLessThan(10_000);
    // The hostile tenant never held more than its cap of connections at once: the first 5
    // are held for the whole run (20 s timeouts).
    expect(result.tarpitConnections).toBeLessThanOrEqual(5);
  }, 60_000);
});
