import { describe } from 'vitest';
import { useWorld } from './conformance-world.js';
import { dockerHostSteps } from './steps/docker-host-steps.js';
import { notificationSteps } from './steps/notification-steps.js';
import { proxySteps } from './steps/proxy-steps.js';
import { walk, walkIsolation } from './walk-steps.js';

// Spec §3.3 to §3.5, event by event, against one real API node (see walk-steps.ts).
const w = useWorld('notifications-proxies-docker');

describe('§3.3 notifications', () => {
  walk(w, notificationSteps());
  walkIsolation(w, '§3.3');
});

describe('§3.4 proxies', () => {
  walk(w, proxySteps());
  walkIsolation(w, '§3.4');
});

describe('§3.5 docker hosts', () => {
  walk(w, dockerHostSteps());
  walkIsolation(w, '§3.5');
});
