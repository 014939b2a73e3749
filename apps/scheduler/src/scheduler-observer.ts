/**
 * What the scheduler reports about itself. main.ts wires it to operator metrics; tests
 * ignore it.
 */
export interface SchedulerObserver {
  /** One claim pass took `count` due monitors and enqueued their check jobs. */
  checksClaimed(count: number): void;
}

export const silentSchedulerObserver: SchedulerObserver = {
  checksClaimed() {},
};
