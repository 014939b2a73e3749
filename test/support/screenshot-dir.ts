import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const COMMITTED = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

/**
 * Where screenshots go: `docs/screenshots/` when `UPDATE_SCREENSHOTS=1` (the
 * `npm run screenshots:*` scripts set it), otherwise a fresh temporary directory, so a test
 * run never rewrites the committed pictures (they differ on every run: they show the time).
 * Ends with a slash.
 */
export function screenshotDir(): string {
  if (process.env.UPDATE_SCREENSHOTS === '1') return COMMITTED;
  temporary ??= `${mkdtempSync(join(tmpdir(), 'watchpost-screenshots-'))}/`;
  return temporary;
}

/** One temporary directory per process, however many screenshots it takes. */
let temporary: string | undefined;
