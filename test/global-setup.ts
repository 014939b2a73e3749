import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writePgliteTemplate } from '@watchpost/core/testing';

// Once per `vitest run`: a migrated PGlite cluster that every PGlite test database loads
// instead of running initdb and the migrations again. Test workers inherit the variable.
export async function setup(): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), 'watchpost-pglite-'));
  const file = join(dir, 'template.tar');
  await writePgliteTemplate(file);
  process.env.WATCHPOST_TEST_PGLITE_TEMPLATE = file;
  return () => rm(dir, { recursive: true, force: true });
}
