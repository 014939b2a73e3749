import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { StartupError } from '../errors/startup-error.js';
import { TEST_SECRETS_KEY } from '../testing/env.js';
import { configureSecrets, SECRETS_KEY_FILE } from './configure-secrets.js';
import { secretBox } from './secret-store.js';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe('configureSecrets', () => {
  it('embedded without SECRETS_KEY: generates a key only its owner can read, and keeps it', async () => {
    const dataDir = join(await mkdtemp(join(tmpdir(), 'watchpost-secrets-')), 'data');
    dirs.push(dataDir);
    await configureSecrets({}, { kind: 'pglite', dataDir });
    const sealed = secretBox().seal('proxies.password', 'p');
    const file = join(dataDir, SECRETS_KEY_FILE);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const kept = await readFile(file, 'utf8');
    await configureSecrets({}, { kind: 'pglite', dataDir });
    expect(await readFile(file, 'utf8')).toBe(kept);
    expect(secretBox().open('proxies.password', sealed)).toBe('p');
  });

  it('with Postgres, refuses to start without SECRETS_KEY and with a malformed one', async () => {
    const postgres = { kind: 'postgres', databaseUrl: 'postgres://x/y' } as const;
    await expect(configureSecrets({}, postgres)).rejects.toThrow(StartupError);
    await expect(configureSecrets({}, postgres)).rejects.toThrow(/SECRETS_KEY is required/);
    await expect(configureSecrets({ SECRETS_KEY: 'k:short' }, postgres)).rejects.toThrow(
      'SECRETS_KEY key "k" must be 32 bytes',
    );
    await configureSecrets({ SECRETS_KEY: TEST_SECRETS_KEY }, postgres);
    expect(secretBox().currentKeyId).toBe('test');
  });
});
