import { ownedIdSchema } from '../ids/stored-id.js';

export const INVALID_MONITOR_ID_MSG = 'Invalid monitor ID.';

// Kuma answers an unknown id with a runtime TypeError text; any ok:false will do (docs/protocol/monitors.md),
// and one text for "missing" and "another tenant's" means ids cannot be probed.
export const MONITOR_NOT_FOUND_MSG = 'Monitor not found.';

/** A monitor id argument (docs/protocol/monitors.md): a number, or numeric text from the web UI. */
export const monitorIdSchema = ownedIdSchema(INVALID_MONITOR_ID_MSG);
