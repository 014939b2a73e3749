import { describe } from 'vitest';
import { useWorld } from './conformance-world.js';
import { authSteps } from './steps/auth-steps.js';
import { walk } from './walk-steps.js';

// The §3.0 index's authentication events (spec §2), event by event, from an empty database
// against one real API node (see walk-steps.ts).
const w = useWorld('auth', { loggedIn: false });

describe('§2 authentication events', () => {
  walk(w, authSteps());
});
