import { describe, expect, it } from 'vitest';
import { NOTIFICATION_PROVIDERS } from '@watchpost/core/notifications';
import { PROVIDER_FORMS } from '../apps/web/src/pages/settings/notifications/notification-providers.js';

// The dashboard may not import server code, so the check that its notification forms follow
// the server's providers lives here, where both can be read.
describe('dashboard notification forms', () => {
  it('has a form for exactly the types the server sends through', () => {
    const served = NOTIFICATION_PROVIDERS.map((p) => p.type).sort();
    expect(PROVIDER_FORMS.map((f) => f.type).sort()).toEqual(served);
    expect(served).toHaveLength(18);
  });

  it('names each config key once per form', () => {
    for (const form of PROVIDER_FORMS) {
      const keys = form.fields.map((f) => f.key);
      expect(new Set(keys).size, form.type).toBe(keys.length);
    }
  });
});
