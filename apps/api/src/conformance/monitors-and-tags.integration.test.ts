import { describe } from 'vitest';
import { useWorld } from './conformance-world.js';
import { monitorSteps } from './steps/monitor-steps.js';
import { tagSteps } from './steps/tag-steps.js';
import { walk, walkIsolation } from './walk-steps.js';

// Spec §3.1 and §3.2, event by event, against one real API node (see walk-steps.ts).
const w = useWorld('monitors-tags');

describe('§3.1 monitors', () => {
  walk(w, monitorSteps());
  walkIsolation(w, '§3.1');
});

describe('§3.2 tags', () => {
  walk(w, tagSteps());
  walkIsolation(w, '§3.2');
});
