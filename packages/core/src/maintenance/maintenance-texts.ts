// Literal texts of spec §9.2 that more than one maintenance service answers.

// Upstream's text for pause/resume; used for every unknown id, another tenant's included, so
// ids cannot be probed.
export const MAINTENANCE_NOT_FOUND_MSG = 'Maintenance not found';

export const MAINTENANCE_STATUS_PAGE_NOT_FOUND_MSG = 'Status page not found.';
