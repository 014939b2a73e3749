import { describe } from 'vitest';
import { useWorld } from './conformance-world.js';
import { statusPageSteps } from './steps/status-page-steps.js';
import { walk, walkIsolation } from './walk-steps.js';

// Spec §3.6, event by event, against one real API node (see walk-steps.ts).
const w = useWorld('status-pages');

describe('§3.6 status pages and incidents', () => {
  walk(w, statusPageSteps());
  walkIsolation(w, '§3.6');
});
