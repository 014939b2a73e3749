import { useState } from 'react';
import { errorMessage } from './emit-with-ack.js';
import { errorFor, placeError, type MessageRules, type PlacedError } from './field-of-message.js';

const NO_RULES: MessageRules<never> = [];

/**
 * A form's request state: `run` sends one request, keeps the form busy meanwhile and, when
 * the server refuses, places its message on the field it concerns (or on the form). The
 * form's own values are never touched, so nothing typed is lost on an error.
 */
export function useSubmit<F extends string = never>(rules: MessageRules<F> = NO_RULES) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<PlacedError<F> | null>(null);

  async function run(action: () => Promise<unknown>): Promise<boolean> {
    setBusy(true);
    setError(null);
    try {
      await action();
      return true;
    } catch (failure) {
      setError(placeError(errorMessage(failure), rules));
      return false;
    } finally {
      setBusy(false);
    }
  }

  return {
    busy,
    run,
    errorOf: (field: F | 'form') => errorFor(error, field),
  };
}
