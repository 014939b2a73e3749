import { useState } from 'react';
import { showNotice, showRequestError } from '../components/notices.js';

/**
 * An action outside a form (pause, enable, delete): busy while it runs, the server's own
 * confirmation as a notice when it gives one, its refusal as an error notice.
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  async function act(action: () => Promise<{ msg?: string }>): Promise<void> {
    setBusy(true);
    try {
      const answer = await action();
      if (answer.msg) showNotice('success', answer.msg);
    } catch (error) {
      showRequestError(error);
    } finally {
      setBusy(false);
    }
  }
  return { busy, act };
}
