import type { GeneratedTimestamp } from './column-types.js';

export interface SchemaMigrationsTable {
  name: string;
  applied_at: GeneratedTimestamp;
}
