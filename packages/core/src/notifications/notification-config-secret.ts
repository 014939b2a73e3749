import { isSealed } from '../secrets/secret-box.js';
import { secretBox } from '../secrets/secret-store.js';

// A notification's config holds the provider's tokens, passwords and webhook URLs: the whole
// object is sealed at rest (architecture rule 7), as one JSON string in the jsonb column.
const FIELD = 'notifications.config';

/** The jsonb text to store for a config. */
export function sealNotificationConfig(config: Record<string, unknown>): string {
  return JSON.stringify(secretBox().seal(FIELD, JSON.stringify(config)));
}

/** The clear config from the column's value (an object when stored before encryption). */
export function openNotificationConfig(stored: unknown): Record<string, unknown> {
  if (typeof stored !== 'string') return stored as Record<string, unknown>;
  const text = isSealed(stored) ? secretBox().open(FIELD, stored) : stored;
  return JSON.parse(text) as Record<string, unknown>;
}

/** Whether a stored config is sealed with the current key. */
export function isNotificationConfigCurrent(stored: unknown): boolean {
  return typeof stored === 'string' && secretBox().isCurrent(stored);
}
