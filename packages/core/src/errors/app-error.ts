/**
 * Our one error type for failures a client caused or may see. `message` is the English text
 * sent as `msg` (Kuma clients compare some verbatim, docs/protocol/compatibility.md#literal-strings); `code` is
 * what each transport maps in one place (HTTP: apps/api/src/http/app-error-replies.ts).
 * Anything else thrown is our own bug and is reported as an internal error.
 */
export type AppErrorCode =
  | 'invalid-input'
  | 'not-logged-in'
  | 'not-found'
  | 'permission-denied'
  | 'conflict'
  | 'rate-limited';

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    /**
     * The input field the message is about, by its wire name (`url`, `interval`, …), when one
     * is to blame; sockets add it to the ack as `field` so a form can show the message beside
     * that field (docs/protocol/monitors.md#field-hints).
     */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** Postgres text and jsonb cannot store U+0000; every transport refuses it with this text. */
export const NUL_TEXT_MSG = 'Text must not contain NUL characters.';

/** Sent instead of the text of an error we did not expect, which may carry internals. */
export const INTERNAL_ERROR_MSG = 'Internal error';
