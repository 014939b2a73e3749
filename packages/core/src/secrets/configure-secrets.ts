import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { StorageConfig } from '../config/deployment.js';
import { StartupError } from '../errors/startup-error.js';
import { createSecretBox, generateSecretKeyText, parseSecretKeys } from './secret-box.js';
import { installSecretBox } from './secret-store.js';

/** Where embedded mode keeps the key it generated, beside the database. */
export const SECRETS_KEY_FILE = 'secrets.key';

/**
 * Installs the process's secrets key (architecture rule 7), from `SECRETS_KEY` when it is set.
 * Unset, an embedded deployment generates a key on first start and keeps it in its data
 * directory (readable by its owner only), so `npm start` needs no setup; a Postgres one
 * refuses to start, because every node must hold the same key and a key nobody chose would
 * be lost with the first container that made it.
 */
export async function configureSecrets(
  env: Record<string, string | undefined>,
  storage: StorageConfig,
): Promise<void> {
  installSecretBox(createSecretBox(parseKeys(await keyText(env, storage))));
}

async function keyText(
  env: Record<string, string | undefined>,
  storage: StorageConfig,
): Promise<string> {
  const configured = env.SECRETS_KEY?.trim();
  if (configured) return configured;
  if (storage.kind === 'postgres') {
    throw new StartupError(
      'SECRETS_KEY is required with DATABASE_URL: every node seals and opens stored secrets ' +
        'with it. Make one with `npm run -s admin -- generate-secrets-key` and give every ' +
        'role the same value.',
    );
  }
  const file = join(storage.dataDir, SECRETS_KEY_FILE);
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(storage.dataDir, { recursive: true });
  const generated = generateSecretKeyText('local');
  try {
    // `wx`: two processes starting at once keep one key, the first one written.
    await writeFile(file, `${generated}\n`, { flag: 'wx', mode: 0o600 });
    return generated;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return (await readFile(file, 'utf8')).trim();
  }
}

function parseKeys(text: string) {
  try {
    return parseSecretKeys(text);
  } catch (error) {
    throw new StartupError((error as Error).message);
  }
}
