/**
 * The login-burst lists of features that arrive with later issues (spec §2.5 steps 3–8).
 * Each is its own loader so that issue replaces one function. The Python client waits for
 * every one of these pushes after login, so they are sent empty rather than left out.
 */
export { loadMaintenanceList } from './maintenance-handlers.js';

export { loadProxyList } from './proxy-handlers.js';

export { loadDockerHostList } from './docker-host-handlers.js';

export { loadStatusPageList } from './status-page-handlers.js';
