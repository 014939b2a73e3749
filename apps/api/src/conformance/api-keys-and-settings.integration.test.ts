import { describe } from 'vitest';
import { useWorld } from './conformance-world.js';
import { apiKeySteps } from './steps/api-key-steps.js';
import { settingsSteps } from './steps/settings-steps.js';
import { walk, walkIsolation } from './walk-steps.js';

// docs/protocol/api-keys.md and docs/protocol/settings.md (without docs/protocol/settings.md#cloudflare-tunnel cloudflared_*), event by event, against one real API
// node (see walk-steps.ts).
const w = useWorld('api-keys-settings');

describe('docs/protocol/api-keys.md API keys', () => {
  walk(w, apiKeySteps());
  walkIsolation(w, 'docs/protocol/api-keys.md');
});

describe('docs/protocol/settings.md settings and miscellaneous', () => {
  walk(w, settingsSteps());
  walkIsolation(w, 'docs/protocol/settings.md');
});
