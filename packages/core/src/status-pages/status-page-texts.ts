// Upstream's texts for a missing page (docs/protocol/status-pages.md), each event its own.

export const NO_SLUG_MSG = 'No slug?';
export const SLUG_TAKEN_MSG = 'This slug is already used by another status page.';
/** `deleteStatusPage`'s. */
export const PAGE_NOT_FOUND_MSG = 'Status Page is not found';
/** `postIncident`'s. */
export const INCIDENT_SLUG_NOT_FOUND_MSG = 'slug is not found';
/** `saveStatusPage` naming a monitor that is not the tenant's (no full stop, unlike the core text). */
export const STATUS_PAGE_MONITOR_NOT_FOUND_MSG = 'Monitor not found';
