import { parseArgs } from 'node:util';
import { AppError, parseStorage } from '@watchpost/core';
import { configureSecrets, generateSecretKeyText, openDatabase } from '@watchpost/core/db';
import { rotateSecrets } from '@watchpost/core/services';
import { createTenant } from './create-tenant.js';
import { setTenantLimits } from './set-tenant-limits.js';

const USAGE = [
  'usage: npm run admin -- create-tenant --name NAME --username USER --password PASS',
  '       npm run admin -- set-tenant-limits --tenant ID [--max-monitors N] [--min-interval SECONDS]',
  '                        [--max-timeout SECONDS] [--max-checks-in-flight N]   (N or "default")',
  '       npm run admin -- rotate-secrets        (re-seals every stored secret with the first SECRETS_KEY key)',
  '       npm run admin -- generate-secrets-key  (prints a new key for SECRETS_KEY)',
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
  if (!isCommand(command)) throw new AppError('invalid-input', USAGE);
  // A key id that sorts by date, so `SECRETS_KEY=new,old` reads as a history.
  if (command === 'generate-secrets-key') {
    return {
      SECRETS_KEY: generateSecretKeyText(
        `k${new Date().toISOString().slice(0, 10).replaceAll('-', '')}`,
      ),
    };
  }
  // The same storage `npm start` would use: Postgres with DATABASE_URL, else PGlite in
  // DATA_DIR (which must not be in use by a running Watchpost).
  const storage = parseStorage(process.env);
  if (command === 'rotate-secrets') await configureSecrets(process.env, storage);
  const opened = await openDatabase(storage, { maxConnections: 1 });
  try {
    if (command === 'migrate') return { applied: opened.migrationsApplied };
    if (command === 'set-tenant-limits') return await setTenantLimits(opened.db, values);
    if (command === 'rotate-secrets') return await rotateSecrets({ db: opened.db });
    return await createTenant(opened.db, values);
  } finally {
    await opened.close();
  }
}

const COMMANDS = [
  'create-tenant',
  'set-tenant-limits',
  'rotate-secrets',
  'generate-secrets-key',
  'migrate',
] as const;

function isCommand(command: string | undefined): command is (typeof COMMANDS)[number] {
  return (COMMANDS as readonly (string | undefined)[]).includes(command);
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
