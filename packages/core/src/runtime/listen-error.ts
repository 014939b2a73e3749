import { StartupError } from '../errors/startup-error.js';

/**
 * The operator's two usual listen mistakes, as one line each that names the variable to
 * change (`PORT`, `OPERATOR_METRICS_PORT`); anything else is returned as it is.
 */
export function listenError(error: unknown, port: number, variable: string): unknown {
  switch ((error as { code?: string }).code) {
    case 'EADDRINUSE':
      return new StartupError(
        `Port ${port} is already in use; stop what uses it or set ${variable}.`,
      );
    case 'EACCES':
      return new StartupError(`Port ${port} needs privileges this process lacks; set ${variable}.`);
    default:
      return error;
  }
}
