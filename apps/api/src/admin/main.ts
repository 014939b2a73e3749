import { parseArgs } from 'node:util';
import { AppError, baseEnvShape, parseEnv } from '@watchpost/core';
import { createPostgresDb, ensureDatabaseExists, prepareDatabase } from '@watchpost/core/db';
import { z } from 'zod';
import { createTenant } from './create-tenant.js';

const USAGE = [
  'usage: npm run admin -- create-tenant --name NAME --username USER --password PASS',
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
    },
  });
  const [command] = positionals;
  if (command !== 'create-tenant' && command !== 'migrate') {
    throw new AppError('invalid-input', USAGE);
  }
  const env = parseEnv(z.object({ DATABASE_URL: baseEnvShape.DATABASE_URL }), process.env);
  await ensureDatabaseExists(env.DATABASE_URL);
  const db = createPostgresDb({ connectionString: env.DATABASE_URL, maxConnections: 1 });
  try {
    const applied = await prepareDatabase(db);
    if (command === 'migrate') return { applied };
    return await createTenant(db, values);
  } finally {
    await db.destroy();
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
