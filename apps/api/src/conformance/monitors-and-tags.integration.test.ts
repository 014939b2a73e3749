import { describe } from 'vitest';
import { useWorld } from './conformance-world.js';
import { monitorSteps } from './steps/monitor-steps.js';
import { tagSteps } from './steps/tag-steps.js';
import { walk, walkIsolation } from './walk-steps.js';

// docs/protocol/monitors.md and docs/protocol/tags.md#tag-events, event by event, against one real API node (see walk-steps.ts).
const w = useWorld('monitors-tags');

describe('docs/protocol/monitors.md monitors', () => {
  walk(w, monitorSteps());
  walkIsolation(w, 'docs/protocol/monitors.md');
});

describe('docs/protocol/tags.md#tag-events tags', () => {
  walk(w, tagSteps());
  walkIsolation(w, 'docs/protocol/tags.md#tag-events');
});
