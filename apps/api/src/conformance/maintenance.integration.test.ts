import { describe } from 'vitest';
import { useWorld } from './conformance-world.js';
import { maintenanceSteps } from './steps/maintenance-steps.js';
import { walk, walkIsolation } from './walk-steps.js';

// docs/protocol/maintenance.md, event by event, against one real API node (see walk-steps.ts).
const w = useWorld('maintenance');

describe('docs/protocol/maintenance.md maintenance', () => {
  walk(w, maintenanceSteps());
  walkIsolation(w, 'docs/protocol/maintenance.md');
});
