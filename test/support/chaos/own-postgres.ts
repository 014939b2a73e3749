import { execFile } from 'node:child_process';
import { chown, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface OwnPostgres {
  /** A connection string for `database` on this cluster (created by the first API node). */
  url(database: string): string;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the cluster and deletes its data directory. */
  destroy(): Promise<void>;
}

/**
 * A Postgres cluster of the chaos suite's own, in a temporary directory on a free port, so
 * it can be stopped and started without touching the machine's shared server. Postgres
 * refuses to run as root: as root, the cluster belongs to the `postgres` user.
 */
export async function startOwnPostgres(port: number): Promise<OwnPostgres> {
  const dir = await mkdtemp(join(tmpdir(), 'watchpost-chaos-pg-'));
  const data = join(dir, 'data');
  const asRoot = userInfo().uid === 0;
  const pgUser = asRoot ? await run('id', ['-u', 'postgres']).then((r) => Number(r.stdout)) : null;
  if (pgUser !== null) await chown(dir, pgUser, pgUser);
  const bin = await postgresBinDir();
  const as = (command: string, args: string[]) => {
    const path = join(bin, command);
    return asRoot ? run('runuser', ['-u', 'postgres', '--', path, ...args]) : run(path, args);
  };

  await as('initdb', ['-D', data, '--auth=trust', '-U', 'root', '--no-sync', '-E', 'UTF8']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const start = async () => {
    await as('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', 'start']);
  };
  const stop = async () => {
    await as('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
  };
  await start();
  return {
    url: (database) => `postgres://root@127.0.0.1:${port}/${database}`,
    start,
    stop,
    async destroy() {
      await stop().catch(() => {});
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Where initdb and pg_ctl live: Debian keeps them out of PATH, under
 * /usr/lib/postgresql/<major>/bin (the newest major wins); elsewhere, on PATH.
 */
async function postgresBinDir(): Promise<string> {
  const debian = '/usr/lib/postgresql';
  const majors = await readdir(debian).catch(() => [] as string[]);
  const newest = majors
    .map(Number)
    .filter(Number.isFinite)
    .sort((a, b) => b - a)[0];
  if (newest !== undefined) return join(debian, String(newest), 'bin');
  const { stdout } = await run('sh', ['-c', 'command -v initdb']);
  return dirname(stdout.trim());
}
