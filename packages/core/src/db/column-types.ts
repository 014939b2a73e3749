import type { ColumnType } from 'kysely';

export type Timestamp = ColumnType<Date, Date | string, Date | string>;
export type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** jsonb: written as JSON text, read back parsed. */
export type Json<T> = ColumnType<T, string, string>;
