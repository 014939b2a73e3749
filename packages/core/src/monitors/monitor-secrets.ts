import { isSealed } from '../secrets/secret-box.js';
import { openText, sealText, secretBox } from '../secrets/secret-store.js';

// The monitor fields that hold credentials, sealed at rest (architecture rule 7): the
// columns, and the long-tail settings in `extra` that carry a password, key or token.

export const MONITOR_SECRET_COLUMNS = ['headers', 'basic_auth_user', 'basic_auth_pass'] as const;
type SecretColumn = (typeof MONITOR_SECRET_COLUMNS)[number];

const EXTRA_SECRET_KEYS = [
  'mqttPassword',
  'radiusPassword',
  'radiusSecret',
  'oauth_client_secret',
  'tlsKey',
  'databaseConnectionString',
  'kafkaProducerSaslOptions',
  'grpcMetadata',
] as const;

const columnField = (column: SecretColumn) => `monitors.${column}`;
const extraField = (key: string) => `monitors.extra.${key}`;

export function sealMonitorColumn(column: SecretColumn, clear: string | null): string | null {
  return sealText(columnField(column), clear);
}

export function openMonitorColumn(column: SecretColumn, stored: string | null): string | null {
  return openText(columnField(column), stored);
}

/** `extra` as stored: each credential setting sealed as the JSON of its value. */
export function sealMonitorExtra(extra: Record<string, unknown>): Record<string, unknown> {
  const sealed = { ...extra };
  for (const key of EXTRA_SECRET_KEYS) {
    const value = extra[key];
    if (value === undefined || value === null) continue;
    sealed[key] = secretBox().seal(extraField(key), JSON.stringify(value));
  }
  return sealed;
}

/** `extra` in clear; settings stored before encryption come back as they are. */
export function openMonitorExtra(extra: Record<string, unknown>): Record<string, unknown> {
  const opened = { ...extra };
  for (const key of EXTRA_SECRET_KEYS) {
    const value = extra[key];
    if (typeof value !== 'string' || !isSealed(value)) continue;
    opened[key] = JSON.parse(secretBox().open(extraField(key), value)) as unknown;
  }
  return opened;
}

/** Whether every credential setting in a stored `extra` is sealed with the current key. */
export function isMonitorExtraCurrent(extra: Record<string, unknown>): boolean {
  return EXTRA_SECRET_KEYS.every((key) => {
    const value = extra[key];
    if (value === undefined || value === null) return true;
    return typeof value === 'string' && secretBox().isCurrent(value);
  });
}
