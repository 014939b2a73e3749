import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { writeEmbeddedDataTemplate } from '@watchpost/core/testing';

// Once per `vitest run` of the e2e project, side by side:
// - `npm run build` (incremental `tsc -b`, about a second when dist/ is up to date), so the
//   tests start the compiled roles that ship instead of transpiling every process's module
//   graph with tsx. NODE_ENV=production because vitest sets `test`, with which Vite would
//   bundle development React: the tests serve what ships.
// - a migrated embedded data directory, which the embedded files copy instead of each paying
//   for PGlite's initdb and the migrations (embeddedDataDirFromTemplate). Test workers inherit
//   the variable.
export async function setup(): Promise<() => Promise<void>> {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const scratch = await mkdtemp(join(tmpdir(), 'watchpost-e2e-template-'));
  const template = join(scratch, 'data');
  try {
    await Promise.all([build(root), writeEmbeddedDataTemplate(template)]);
  } catch (error) {
    await rm(scratch, { recursive: true, force: true });
    throw error;
  }
  process.env.WATCHPOST_TEST_EMBEDDED_DATA_TEMPLATE = template;
  return () => rm(scratch, { recursive: true, force: true });
}

async function build(root: string): Promise<void> {
  await promisify(execFile)('npm', ['run', '-s', 'build'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production' },
  }).catch((error: { stdout?: string; stderr?: string }) => {
    throw new Error(`npm run build failed:\n${error.stdout ?? ''}${error.stderr ?? ''}`);
  });
}
