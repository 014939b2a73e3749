export interface CheckOptions {
  /**
   * A caller's hard stop. Aborting ends the check as DOWN with the reason's message, so abort
   * with e.g. `new Error('timeout by AbortSignal (58s)')` to get Kuma's text (spec §6.3).
   */
  signal?: AbortSignal;
  now?: () => Date;
}
