import { z } from 'zod';
import { AppError } from '../errors/app-error.js';
import { isVersionText } from './backup-version.js';

/**
 * The JSON of an Uptime Kuma 1.x backup file (docs/protocol/settings.md): what the web UI's "Export" wrote,
 * `{version, notificationList, proxyList?, monitorList}` with the upstream field names.
 * Lenient where real backups differ between Kuma versions (ids as text, booleans as 0/1,
 * missing optional lists), strict about types that would otherwise fail deep inside the
 * import. Monitor fields themselves are checked later by the same schema `add` uses.
 */

export const IMPORT_HANDLES = ['overwrite', 'skip', 'keep'] as const;
export type ImportHandle = (typeof IMPORT_HANDLES)[number];

export const INVALID_IMPORT_HANDLE_MSG = 'importHandle must be "overwrite", "skip" or "keep".';
export const BACKUP_NOT_TEXT_MSG = 'The backup must be sent as JSON text.';
export const BACKUP_NUL_MSG = 'The backup contains NUL characters, which cannot be stored.';

export const importHandleSchema = z.enum(IMPORT_HANDLES, { error: INVALID_IMPORT_HANDLE_MSG });

// Ids only map the backup's own cross references; one that is not a usable id refers to
// nothing, which drops the reference instead of failing the whole import.
const backupId = z
  .unknown()
  .optional()
  .transform((v) => {
    const n = typeof v === 'string' && /^\d{1,10}$/.test(v) ? Number(v) : v;
    return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 2 ** 31 - 1 ? n : null;
  });

const notificationEntrySchema = z.object(
  {
    id: backupId,
    name: z
      .unknown()
      .optional()
      .transform((v) => (typeof v === 'string' ? v : null)),
    // Upstream JSON-parses this text; anything else would have crashed its import.
    config: z.string({ error: 'config must be the notification’s JSON text' }),
  },
  { error: 'each notification must be an object' },
);

// Checked field by field with addProxy's own schema during the import.
const proxyEntrySchema = z.looseObject({ id: backupId }, { error: 'each proxy must be an object' });

// docs/protocol/tags.md#tag-and-monitortag MonitorTag: the tag's name and color travel with each link.
const tagEntrySchema = z.object(
  {
    name: z
      .string({ error: 'a tag needs a name' })
      .max(255, 'a tag name must be at most 255 characters')
      .refine((name) => name.trim() !== '', 'a tag needs a name'),
    color: z
      .string({ error: 'a tag needs a color' })
      .max(255, 'a tag color must be at most 255 characters'),
    value: z
      .union([z.string(), z.number().transform(String), z.null(), z.undefined()], {
        error: 'a tag value must be text',
      })
      .transform((v) => v ?? null)
      .pipe(z.string().max(1000, 'a tag value must be at most 1000 characters').nullable()),
  },
  { error: 'each tag must be an object' },
);

const monitorEntrySchema = z.looseObject(
  {
    // Backups before 1.7.0 have no tags; null and absent both mean none.
    tags: z
      .array(tagEntrySchema, { error: 'tags must be a list' })
      .nullish()
      .transform((v) => v ?? []),
  },
  { error: 'each monitor must be an object' },
);

export const backupSchema = z.object(
  {
    // JSON numbers are tolerated ("version": 1.7 in hand-edited files).
    version: z
      .union([z.string(), z.number().transform(String)], { error: 'version is missing' })
      .refine(isVersionText, 'version must look like "1.23.3"'),
    notificationList: z.array(notificationEntrySchema, {
      error: 'notificationList must be a list',
    }),
    // Kuma 1.23's export has no proxy list; later 1.x files may.
    proxyList: z
      .array(proxyEntrySchema, { error: 'proxyList must be a list' })
      .nullish()
      .transform((v) => v ?? []),
    // The export writes a list; the object the monitorList push carries is taken as well.
    monitorList: z.preprocess(
      (v) => (typeof v === 'object' && v !== null && !Array.isArray(v) ? Object.values(v) : v),
      z.array(monitorEntrySchema, { error: 'monitorList must be a list of monitors' }),
    ),
  },
  { error: 'The backup must be a JSON object.' },
);

export type Backup = z.output<typeof backupSchema>;
export type BackupMonitor = Backup['monitorList'][number];
export type BackupTag = BackupMonitor['tags'][number];

/** Parses the text `uploadBackup` receives; a clear `invalid-input` error for anything else. */
export function parseBackup(text: unknown): Backup {
  if (typeof text !== 'string') throw new AppError('invalid-input', BACKUP_NOT_TEXT_MSG);
  let json: unknown;
  try {
    json = parseJsonText(text);
  } catch (error) {
    if (error instanceof AppError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError('invalid-input', `The backup is not valid JSON: ${reason}`);
  }
  const parsed = backupSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` (at ${issue.path.join('.')})` : '';
  throw new AppError('invalid-input', `Invalid backup${where}: ${issue?.message ?? 'bad shape'}`);
}

/**
 * JSON.parse that refuses U+0000 with an `invalid-input` AppError: Postgres text and jsonb
 * cannot hold it. The socket layer refuses it in raw arguments, but inside JSON text it
 * arrives escaped ("\u0000") and only appears after parsing. Other parse errors are thrown
 * as JSON.parse throws them.
 */
export function parseJsonText(text: string): unknown {
  return JSON.parse(text, (key: string, value: unknown) => {
    if (key.includes('\u0000') || (typeof value === 'string' && value.includes('\u0000'))) {
      throw new AppError('invalid-input', BACKUP_NUL_MSG);
    }
    return value;
  });
}
