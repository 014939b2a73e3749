import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Where the built dashboard is: `dist/` of the installed `@watchpost/web` package. Resolved
 * through the package, not a relative path, so it is found the same way from the sources,
 * from `apps/api/dist` and in the Docker image (which copies `apps/web/dist`). Null when the
 * package is not installed at all.
 */
export function locateWebDist(): string | null {
  try {
    const manifest = createRequire(import.meta.url).resolve('@watchpost/web/package.json');
    return join(dirname(manifest), 'dist');
  } catch {
    return null;
  }
}
