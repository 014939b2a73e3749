// N HTTP monitors in a few tenants, written the way a backup import writes them
// (monitorRepository.insertMonitors: multi-row statements, state rows included), each with a
// user who can log in.
import type { Kysely } from 'kysely';
import { monitorInputSchema } from '@watchpost/core';
import { hashPassword } from '@watchpost/core/auth';
import { monitorRepository, tenantRepository, type Database } from '@watchpost/core/db';

export interface SeededTenant {
  username: string;
  password: string;
  monitors: number;
}

export async function seedMonitors(
  db: Kysely<Database>,
  options: {
    monitors: number;
    tenants: number;
    intervalSec: number;
    urlOf: (monitor: number) => string;
  },
): Promise<SeededTenant[]> {
  const { monitors, tenants, intervalSec, urlOf } = options;
  const password = 'bench-password1';
  const passwordHash = await hashPassword(password);
  // Parsed once: the schema supplies every default an imported monitor gets.
  const template = monitorInputSchema(1).parse({
    type: 'http',
    name: 'm',
    url: urlOf(1),
    interval: intervalSec,
    timeout: intervalSec * 0.8,
    maxretries: 0,
    accepted_statuscodes: ['200-299'],
  });
  const seeded: SeededTenant[] = [];
  let next = 1;
  for (let t = 1; t <= tenants; t++) {
    // Monitor n belongs to tenant ceil(n / (N / tenants)): tenant 1 holds 1..N/tenants.
    const count = Math.floor(monitors / tenants) + (t <= monitors % tenants ? 1 : 0);
    const username = `bench${t}`;
    const { tenantId } = await tenantRepository.createTenantWithAdmin(db, {
      name: username,
      username,
      passwordHash,
    });
    const rows = [];
    for (let i = 0; i < count; i++, next++) {
      rows.push({ input: { ...template, name: `m${next}`, url: urlOf(next) }, active: true });
    }
    await monitorRepository.insertMonitors(db, tenantId, rows);
    seeded.push({ username, password, monitors: count });
  }
  return seeded;
}
