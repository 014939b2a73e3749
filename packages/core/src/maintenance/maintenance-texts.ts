// The maintenance services' texts (docs/protocol/maintenance.md, docs/protocol/compatibility.md#literal-strings), which clients may compare verbatim.

// Upstream's text for pause/resume; used for every unknown id, another tenant's included, so
// ids cannot be probed.
export const MAINTENANCE_NOT_FOUND_MSG = 'Maintenance not found';

/** `addMaintenanceStatusPage` naming a page that is not the tenant's. */
export const MAINTENANCE_STATUS_PAGE_NOT_FOUND_MSG = 'Status page not found.';

/** `editMaintenance` without an `id`. */
export const MAINTENANCE_ID_REQUIRED_MSG = 'Maintenance ID is required.';
