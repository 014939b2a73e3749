import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '@watchpost/core/db';
import type { MonitorChangeBus } from '@watchpost/core/queue';
import type { ApiServer } from './socket-types.js';

/** What socket handlers may use; built once per API node by startApi. */
export interface RealtimeDeps {
  db: Kysely<Database>;
  io: ApiServer;
  changeBus: MonitorChangeBus;
  logger: Logger;
  jwtSecret: string;
  minIntervalSeconds: number;
}
