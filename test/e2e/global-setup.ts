import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

// Once per `vitest run` of the e2e project: `npm run build` (incremental `tsc -b`, about a
// second when dist/ is up to date), so the tests start the compiled roles that ship instead
// of transpiling every process's module graph with tsx. NODE_ENV=production because vitest
// sets `test`, with which Vite would bundle development React: the tests serve what ships.
export async function setup(): Promise<void> {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  await promisify(execFile)('npm', ['run', '-s', 'build'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production' },
  }).catch((error: { stdout?: string; stderr?: string }) => {
    throw new Error(`npm run build failed:\n${error.stdout ?? ''}${error.stderr ?? ''}`);
  });
}
