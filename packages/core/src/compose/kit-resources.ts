import type { Redis } from 'ioredis';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { OpenDatabase } from '../db/open-database.js';

interface Closable {
  close(): Promise<void>;
}

/** What a kit has opened, grouped by the step of shutdown that closes it. */
export interface KitResources {
  /** Job consumers: closing one lets its running jobs finish and report. */
  consumers: Closable[];
  /** Queue producers (BullMQ `Queue`s). */
  queues: Closable[];
  redis: Redis[];
  database?: Promise<OpenDatabase>;
  /** The database once it has opened (its schema current), for the readiness probes. */
  openDatabase?: OpenDatabase;
}

export function noKitResources(): KitResources {
  return { consumers: [], queues: [], redis: [] };
}

/** Records the database the kit is opening; answers its handle once open. */
export function trackDatabase(
  resources: KitResources,
  opening: Promise<OpenDatabase>,
): Promise<Kysely<Database>> {
  resources.database = opening;
  return opening.then((open) => {
    resources.openDatabase = open;
    return open.db;
  });
}

/** Adds `resource` to `group` and answers it. */
export function track<T extends Closable>(group: Closable[], resource: T): T {
  group.push(resource);
  return resource;
}

/**
 * Shutdown in STYLE.md's order, once the roles' own close functions have stopped intake:
 * drain → close queues → close Redis → close the pool. A consumer the role already closed
 * closes again at no cost; a database that never opened has nothing to close.
 */
export async function closeKitResources(resources: KitResources): Promise<void> {
  await Promise.all(resources.consumers.map((consumer) => consumer.close()));
  await Promise.all(resources.queues.map((queue) => queue.close()));
  await Promise.allSettled(resources.redis.map(closeRedis));
  const database = await resources.database?.catch(() => undefined);
  await database?.close();
}

/**
 * QUIT lets the replies still due on a live connection arrive. A connection that is not up
 * has nothing to finish, and QUIT would wait there for Redis to come back (the connections
 * never give up on a command): it is dropped instead.
 */
async function closeRedis(client: Redis): Promise<void> {
  if (client.status === 'ready') await client.quit();
  else client.disconnect();
}
