// Server-only: the service layer. Every transport (Socket.IO handlers, HTTP routes) calls
// these with a ServiceContext; one verb per file, in the feature's folder.
export * from './service-context.js';

// maintenance
export * from '../maintenance/maintenance-input.js';
export * from '../maintenance/add-maintenance.js';
export * from '../maintenance/edit-maintenance.js';
export * from '../maintenance/get-maintenance.js';
export * from '../maintenance/list-maintenances.js';
export * from '../maintenance/publish-maintenance-list.js';
export * from '../maintenance/delete-maintenance.js';
export * from '../maintenance/pause-maintenance.js';
export * from '../maintenance/resume-maintenance.js';
export * from '../maintenance/set-maintenance-monitors.js';
export * from '../maintenance/get-maintenance-monitors.js';
export * from '../maintenance/set-maintenance-status-pages.js';
export * from '../maintenance/get-maintenance-status-pages.js';

// status pages
export * from '../status-pages/status-page-texts.js';
export * from '../status-pages/status-page-input.js';
export type * from '../status-pages/status-page.js';
export * from '../status-pages/status-page-wire.js';
export * from '../status-pages/add-status-page.js';
export * from '../status-pages/get-status-page.js';
export * from '../status-pages/save-status-page.js';
export * from '../status-pages/delete-status-page.js';
export * from '../status-pages/post-incident.js';
export * from '../status-pages/unpin-incident.js';
export * from '../status-pages/list-status-pages.js';

// settings
export * from '../settings/settings-input.js';
export * from '../settings/get-settings.js';
export * from '../settings/set-settings.js';
export * from '../settings/set-server-timezone.js';

// api keys
export * from '../api-keys/api-key-input.js';
export * from '../api-keys/add-api-key.js';
export * from '../api-keys/list-api-keys.js';
export * from '../api-keys/publish-api-key-list.js';
export * from '../api-keys/enable-api-key.js';
export * from '../api-keys/disable-api-key.js';
export * from '../api-keys/delete-api-key.js';
