import { DOWN, PENDING, type MonitorStatus } from './monitor-status.js';

/** What a group's verdict needs to know about one direct child. */
export interface GroupChild {
  /** The child's own `active` flag; paused children do not count. */
  active: boolean;
  /** Status of the child's latest beat; null when it has none yet. */
  status: MonitorStatus | null;
}

export interface GroupVerdict {
  status: 'up' | 'down' | 'pending';
  msg: string;
}

export const GROUP_UP_MSG = 'All children up and running';
export const GROUP_CHILD_INACCESSIBLE_MSG = 'Child inaccessible';
export const GROUP_EMPTY_MSG = 'Group empty';

/**
 * A group's status from its direct children (docs/protocol/monitoring.md#group-monitors): the worst wins — any DOWN child
 * makes it DOWN, else any PENDING or beat-less child PENDING, else UP. A child under
 * MAINTENANCE counts as up, as upstream only ever moves towards PENDING and DOWN. Upstream's
 * order-dependent walk (a beat-less child after a DOWN one resets to PENDING) is not copied.
 */
export function deriveGroupStatus(children: readonly GroupChild[]): GroupVerdict {
  if (children.length === 0) return { status: 'pending', msg: GROUP_EMPTY_MSG };
  let status: GroupVerdict['status'] = 'up';
  for (const child of children) {
    if (!child.active) continue;
    if (child.status === DOWN) status = 'down';
    else if (status === 'up' && (child.status === PENDING || child.status === null)) {
      status = 'pending';
    }
  }
  // A group whose children are all paused is UP, as upstream: nothing in it is failing.
  return { status, msg: status === 'up' ? GROUP_UP_MSG : GROUP_CHILD_INACCESSIBLE_MSG };
}
