import { describe } from 'vitest';
import { useWorld } from './conformance-world.js';
import { dockerHostSteps } from './steps/docker-host-steps.js';
import { notificationSteps } from './steps/notification-steps.js';
import { proxySteps } from './steps/proxy-steps.js';
import { walk, walkIsolation } from './walk-steps.js';

// docs/protocol/notifications.md to docs/protocol/docker-hosts.md, event by event, against one real API node (see walk-steps.ts).
const w = useWorld('notifications-proxies-docker');

describe('docs/protocol/notifications.md notifications', () => {
  walk(w, notificationSteps());
  walkIsolation(w, 'docs/protocol/notifications.md');
});

describe('docs/protocol/proxies.md proxies', () => {
  walk(w, proxySteps());
  walkIsolation(w, 'docs/protocol/proxies.md');
});

describe('docs/protocol/docker-hosts.md docker hosts', () => {
  walk(w, dockerHostSteps());
  walkIsolation(w, 'docs/protocol/docker-hosts.md');
});
