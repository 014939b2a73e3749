import { describe } from 'vitest';
import { useWorld } from './conformance-world.js';
import { apiKeySteps } from './steps/api-key-steps.js';
import { settingsSteps } from './steps/settings-steps.js';
import { walk, walkIsolation } from './walk-steps.js';

// Spec §3.8 and §3.9 (without §3.10 cloudflared_*), event by event, against one real API
// node (see walk-steps.ts).
const w = useWorld('api-keys-settings');

describe('§3.8 API keys', () => {
  walk(w, apiKeySteps());
  walkIsolation(w, '§3.8');
});

describe('§3.9 settings and miscellaneous', () => {
  walk(w, settingsSteps());
  walkIsolation(w, '§3.9');
});
