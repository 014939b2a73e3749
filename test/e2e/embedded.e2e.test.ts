import { rm } from 'node:fs/promises';
import { afterAll, beforeAll } from 'vitest';
import { openDatabase } from '@watchpost/core/db';
import { embeddedDataDirFromTemplate } from '@watchpost/core/testing';
import { freePort, runRole, spawnRole } from '../support/processes.js';
import { waitForHealthy } from '../support/wait-for-healthy.js';
import { describeBehaviour } from './behaviour-suite.js';
import { EMBEDDED_ENV } from './embedded-env.js';

// `npm start` with nothing configured: every role in one process on PGlite in a data
// directory, the in-process queue and Socket.IO's in-memory adapter. The directory starts
// migrated (the first start on an empty one is embedded-restart.e2e.test.ts's).

let dataDir: string;
let env: Record<string, string>;

beforeAll(async () => {
  dataDir = await embeddedDataDirFromTemplate('e2e');
  env = { ...EMBEDDED_ENV, DATA_DIR: dataDir };
});
afterAll(async () => rm(dataDir, { recursive: true, force: true }));

describeBehaviour({
  name: 'embedded',
  async createTenant(tenant) {
    const created = await runRole('apps/api/dist/admin/main.js', env, [
      'create-tenant',
      ...['--name', tenant.name, '--username', tenant.username, '--password', tenant.password],
    ]);
    if (created.code !== 0) throw new Error(`create-tenant failed: ${created.stderr}`);
  },
  async start() {
    const port = await freePort();
    const watchpost = spawnRole('watchpost', 'apps/all-in-one/dist/main.js', {
      ...env,
      PORT: String(port),
    });
    const url = `http://127.0.0.1:${port}`;
    await waitForHealthy(url, [watchpost]);
    return {
      // One node: both clients meet on it.
      urls: [url, url],
      stop: async () => [await watchpost.stop()],
      async storedBeatCount(monitorId) {
        const { db, close } = await openDatabase({ kind: 'pglite', dataDir });
        try {
          const rows = await db
            .selectFrom('heartbeats')
            .select('id')
            .where('monitor_id', '=', monitorId)
            .execute();
          return rows.length;
        } finally {
          await close();
        }
      },
    };
  },
});
