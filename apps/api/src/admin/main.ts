import { parseArgs } from 'node:util';
import { AppError, parseStorage } from '@watchpost/core';
import { openDatabase } from '@watchpost/core/db';
import { createTenant } from './create-tenant.js';
import { setTenantLimits } from './set-tenant-limits.js';

const USAGE = [
  'usage: npm run admin -- create-tenant --name NAME --username USER --password PASS',
  '       npm run admin -- set-tenant-limits --tenant ID [--max-monitors N] [--min-interval SECONDS]',
  '                        [--max-timeout SECONDS] [--max-checks-in-flight N]   (N or "default")',
  '       npm run migrate',
].join('\n');

/**
 * Operator commands. Prints a JSON result on stdout and exits 0, or one line of error on
 * stderr and exits 1.
 */
async function main(argv: string[]): Promise<unknown> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      username: { type: 'string' },
      password: { type: 'string' },
      tenant: { type: 'string' },
      'max-monitors': { type: 'string' },
      'min-interval': { type: 'string' },
      'max-timeout': { type: 'string' },
      'max-checks-in-flight': { type: 'string' },
    },
  });
  const [command] = positionals;
  if (command !== 'create-tenant' && command !== 'set-tenant-limits' && command !== 'migrate') {
    throw new AppError('invalid-input', USAGE);
  }
  // The same storage `npm start` would use: Postgres with DATABASE_URL, else PGlite in
  // DATA_DIR (which must not be in use by a running Watchpost).
  const opened = await openDatabase(parseStorage(process.env), { maxConnections: 1 });
  try {
    if (command === 'migrate') return { applied: opened.migrationsApplied };
    if (command === 'set-tenant-limits') return await setTenantLimits(opened.db, values);
    return await createTenant(opened.db, values);
  } finally {
    await opened.close();
  }
}

main(process.argv.slice(2)).then(
  (result) => {
    process.stdout.write(`${JSON.stringify(result)}\n`);
  },
  (error: unknown) => {
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
