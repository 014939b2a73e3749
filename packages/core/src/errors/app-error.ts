/**
 * Our one error type for failures a client caused or may see. `message` is the English text
 * sent as `msg` (Kuma clients compare some verbatim, spec §9.2); `code` drives the HTTP
 * status. Anything else thrown is our own bug and is reported as an internal error.
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
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export function httpStatusOf(code: AppErrorCode): number {
  switch (code) {
    case 'invalid-input':
      return 400;
    case 'not-logged-in':
      return 401;
    case 'permission-denied':
      return 403;
    case 'not-found':
      return 404;
    case 'conflict':
      return 409;
    case 'rate-limited':
      return 429;
    default: {
      const unreachable: never = code;
      return unreachable;
    }
  }
}
