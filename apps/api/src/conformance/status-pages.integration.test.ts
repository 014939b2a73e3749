import { describe } from 'vitest';
import { useWorld } from './conformance-world.js';
import { statusPageSteps } from './steps/status-page-steps.js';
import { walk, walkIsolation } from './walk-steps.js';

// docs/protocol/status-pages.md, event by event, against one real API node (see walk-steps.ts).
const w = useWorld('status-pages');

describe('docs/protocol/status-pages.md status pages and incidents', () => {
  walk(w, statusPageSteps());
  walkIsolation(w, 'docs/protocol/status-pages.md');
});
