import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { StartupError } from '../../errors/startup-error.js';

const LOCK_FILE = 'watchpost.pid';

/**
 * Claims `dir` for this process: PGlite has no locking of its own, and two processes writing
 * one data directory would corrupt it. The lock is a file holding our pid, created
 * exclusively; one left behind by a process that no longer runs is taken over. Returns the
 * release function.
 */
export async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw notWritable(dir, error);
  }
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const file = await open(path, 'wx');
      await file.writeFile(String(process.pid));
      await file.close();
      return () => rm(path, { force: true });
    } catch (error) {
      if (codeOf(error) !== 'EEXIST') throw notWritable(dir, error);
    }
    const holder = Number((await readFile(path, 'utf8').catch(() => '')).trim());
    if (Number.isInteger(holder) && holder > 0 && isRunning(holder)) {
      throw new StartupError(
        `Data directory ${dir} is in use by another Watchpost process (pid ${holder}); ` +
          'stop it or set DATA_DIR to another directory.',
      );
    }
    await rm(path, { force: true });
  }
  throw new StartupError(`Could not lock data directory ${dir}; another process keeps taking it.`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return codeOf(error) === 'EPERM';
  }
}

function notWritable(dir: string, error: unknown): StartupError {
  return new StartupError(
    `Data directory ${dir} is not writable (${codeOf(error) ?? String(error)}); ` +
      'fix its permissions or set DATA_DIR to another directory.',
  );
}

function codeOf(error: unknown): string | undefined {
  return (error as { code?: string } | null)?.code;
}
