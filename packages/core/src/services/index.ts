// Server-only: the service layer. Every transport (Socket.IO handlers, HTTP routes) calls
// these with a ServiceContext; one verb per file, in the feature's folder.
export * from './service-context.js';

// notifications
export * from '../notifications/save-notification.js';
export * from '../notifications/delete-notification.js';
export * from '../notifications/test-notification.js';
export * from '../notifications/list-notifications.js';
export * from '../notifications/push-notification-list.js';
export * from '../notifications/list-notification-deliveries.js';

// proxies
export * from '../proxies/save-proxy.js';
export * from '../proxies/delete-proxy.js';
export * from '../proxies/list-proxies.js';
export * from '../proxies/push-proxy-list.js';
export * from '../proxies/assert-own-proxy.js';

// docker hosts
export * from '../docker-hosts/save-docker-host.js';
export * from '../docker-hosts/delete-docker-host.js';
export * from '../docker-hosts/test-docker-host.js';
export * from '../docker-hosts/list-docker-hosts.js';
export * from '../docker-hosts/push-docker-host-list.js';

// tags
export * from '../tags/list-tags.js';
export * from '../tags/add-tag.js';
export * from '../tags/edit-tag.js';
export * from '../tags/delete-tag.js';
export * from '../tags/add-monitor-tag.js';
export * from '../tags/edit-monitor-tag.js';
export * from '../tags/delete-monitor-tag.js';
