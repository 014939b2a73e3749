/**
 * Which form field a server message concerns. Acks carry only `msg`, so each form lists the
 * messages its fields can draw (the protocol docs name them) as patterns; a message no
 * pattern claims belongs to the form as a whole and is shown above its buttons.
 */
export type MessageRules<F extends string> = readonly (readonly [RegExp, F])[];

export function fieldOfMessage<F extends string>(
  message: string,
  rules: MessageRules<F>,
): F | 'form' {
  return rules.find(([pattern]) => pattern.test(message))?.[1] ?? 'form';
}

/** A form's server error, placed on the field it concerns. */
export interface PlacedError<F extends string> {
  field: F | 'form';
  message: string;
}

export function placeError<F extends string>(
  message: string,
  rules: MessageRules<F>,
): PlacedError<F> {
  return { field: fieldOfMessage(message, rules), message };
}

/** The message for `field`, when the placed error is on it. */
export function errorFor<F extends string>(
  error: PlacedError<F> | null,
  field: F | 'form',
): string | null {
  return error?.field === field ? error.message : null;
}
