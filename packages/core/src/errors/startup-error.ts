/**
 * A problem the operator must fix before the process can start (a bad variable, a data
 * directory in use, a port taken). Entry points print its message as one line, without a
 * stack trace, and exit 1.
 */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}
