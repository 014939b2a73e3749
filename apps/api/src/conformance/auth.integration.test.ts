import { describe } from 'vitest';
import { useWorld } from './conformance-world.js';
import { authSteps } from './steps/auth-steps.js';
import { walk } from './walk-steps.js';

// The docs/protocol/README.md#client-events index's authentication events (docs/protocol/authentication.md), event by event, from an empty database
// against one real API node (see walk-steps.ts).
const w = useWorld('auth', { loggedIn: false });

describe('docs/protocol/authentication.md authentication events', () => {
  walk(w, authSteps());
});
