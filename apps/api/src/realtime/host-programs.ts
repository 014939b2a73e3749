import { execFile } from 'node:child_process';
import { access, constants } from 'node:fs/promises';

// Questions clients ask about programs installed on the server (`checkApprise` (docs/protocol/notifications.md#checkapprise),
// `testChrome` (docs/protocol/settings.md#testchrome)). A probe runs `--version` only: it answers at once when the program is
// there, and a hung one must not hold the ack.
const PROBE_TIMEOUT_MS = 5_000;

export function isAppriseInstalled(): Promise<boolean> {
  return new Promise((resolve) => {
    execFile('apprise', ['--version'], { timeout: PROBE_TIMEOUT_MS }, (error) => {
      resolve(error === null);
    });
  });
}

/** Where upstream looks for a browser on Linux when no executable is configured. */
export const KNOWN_CHROME_EXECUTABLES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
] as const;

export type ChromeProbe = { ok: true; msg: string } | { ok: false; msg: string };

const NOT_FOUND_MSG =
  'Chromium not found, please specify Chromium executable path in the settings page.';

/**
 * `testChrome` (docs/protocol/settings.md#testchrome). Upstream runs whatever path the client names; here tenants are
 * not the server's administrators, so only the well-known browser paths are ever run (the
 * empty string means "find one", as upstream). Watchpost does not run real-browser checks
 * yet; this answers whether the server has a browser they could use.
 */
export async function probeChrome(executable: string): Promise<ChromeProbe> {
  const trimmed = executable.trim();
  if (trimmed !== '' && !isKnownChrome(trimmed)) {
    return {
      ok: false,
      msg: `Only these browser paths can be tested on this server: ${KNOWN_CHROME_EXECUTABLES.join(', ')}`,
    };
  }
  const candidates = trimmed === '' ? KNOWN_CHROME_EXECUTABLES : [trimmed];
  for (const candidate of candidates) {
    if (!(await isExecutable(candidate))) continue;
    const output = await versionOutput(candidate);
    const version = output === null ? null : chromeVersion(output);
    if (version === null) return { ok: false, msg: `${candidate} did not report a version` };
    return { ok: true, msg: `Found Chromium/Chrome. Version: ${version}` };
  }
  return { ok: false, msg: NOT_FOUND_MSG };
}

/** "Chromium 120.0.6099.224 built on Debian 12.4" → "120.0.6099.224". */
export function chromeVersion(output: string): string | null {
  return /\b\d+(?:\.\d+){1,3}\b/.exec(output)?.[0] ?? null;
}

function isKnownChrome(path: string): boolean {
  return (KNOWN_CHROME_EXECUTABLES as readonly string[]).includes(path);
}

async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function versionOutput(executable: string): Promise<string | null> {
  return new Promise((resolve) => {
    execFile(executable, ['--version'], { timeout: PROBE_TIMEOUT_MS }, (error, stdout) => {
      resolve(error === null ? stdout : null);
    });
  });
}
