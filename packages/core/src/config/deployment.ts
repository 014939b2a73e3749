import { z } from 'zod';
import { StartupError } from '../errors/startup-error.js';
import { parseEnv } from './parse-env.js';

/** Where the data lives: a Postgres server, or PGlite in a local directory. */
export type StorageConfig =
  { kind: 'postgres'; databaseUrl: string } | { kind: 'pglite'; dataDir: string };

/** The shared services of distributed mode. */
export interface DistributedServices {
  databaseUrl: string;
  redisUrl: string;
  /** Namespace of every Redis key and channel, so several deployments can share a Redis. */
  redisPrefix: string;
}

/** How `npm start` runs: everything on PGlite in one process, or on Postgres and Redis. */
export type Deployment =
  ({ mode: 'distributed' } & DistributedServices) | { mode: 'embedded'; dataDir: string };

const DEFAULT_DATA_DIR = './data';

const schema = z.object({
  // An empty variable counts as unset: compose files often pass `DATABASE_URL=`.
  DATABASE_URL: z.string().trim().optional().transform(orUndefined),
  REDIS_URL: z.string().trim().optional().transform(orUndefined),
  REDIS_PREFIX: z
    .string()
    .regex(/^[\w:.-]+$/, 'letters, digits and _ : . - only')
    .default('watchpost'),
  DATA_DIR: z.string().trim().optional().transform(orUndefined),
});

/** `npm start`: both URLs → distributed; neither → embedded; one alone is a mistake. */
export function parseDeployment(env: Record<string, string | undefined>): Deployment {
  const c = parseEnv(schema, env);
  if (c.DATABASE_URL && c.REDIS_URL) {
    return {
      mode: 'distributed',
      databaseUrl: c.DATABASE_URL,
      redisUrl: c.REDIS_URL,
      redisPrefix: c.REDIS_PREFIX,
    };
  }
  if (!c.DATABASE_URL && !c.REDIS_URL) {
    return { mode: 'embedded', dataDir: c.DATA_DIR ?? DEFAULT_DATA_DIR };
  }
  const [set, unset] = c.DATABASE_URL
    ? ['DATABASE_URL', 'REDIS_URL']
    : ['REDIS_URL', 'DATABASE_URL'];
  throw new StartupError(
    `${set} is set but ${unset} is not: set both for distributed mode, or neither to run ` +
      'embedded on PGlite in DATA_DIR.',
  );
}

/** The separate role commands (api, worker, scheduler) exist only in distributed mode. */
export function parseDistributedServices(
  env: Record<string, string | undefined>,
  role: string,
): DistributedServices {
  const deployment = parseDeployment(env);
  if (deployment.mode === 'embedded') {
    throw new StartupError(
      `The ${role} role needs DATABASE_URL and REDIS_URL; to run everything in one process ` +
        'without Postgres and Redis, use `npm start`.',
    );
  }
  return deployment;
}

/** Operator commands need only the database: Postgres when DATABASE_URL is set, else PGlite. */
export function parseStorage(env: Record<string, string | undefined>): StorageConfig {
  const c = parseEnv(schema, env);
  return c.DATABASE_URL
    ? { kind: 'postgres', databaseUrl: c.DATABASE_URL }
    : { kind: 'pglite', dataDir: c.DATA_DIR ?? DEFAULT_DATA_DIR };
}

/** The storage a deployment runs on. */
export function storageOf(deployment: Deployment): StorageConfig {
  return deployment.mode === 'embedded'
    ? { kind: 'pglite', dataDir: deployment.dataDir }
    : { kind: 'postgres', databaseUrl: deployment.databaseUrl };
}

function orUndefined(value: string | undefined): string | undefined {
  return value === '' ? undefined : value;
}
