import { describe } from 'vitest';
import { useWorld } from './conformance-world.js';
import { maintenanceSteps } from './steps/maintenance-steps.js';
import { walk, walkIsolation } from './walk-steps.js';

// Spec §3.7, event by event, against one real API node (see walk-steps.ts).
const w = useWorld('maintenance');

describe('§3.7 maintenance', () => {
  walk(w, maintenanceSteps());
  walkIsolation(w, '§3.7');
});
