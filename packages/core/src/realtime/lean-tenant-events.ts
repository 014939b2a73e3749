import type {
  MonitorListPayload,
  ServerEventName,
  ServerToClientEvents,
} from '../protocol/server-events.js';
import { createMonitorMetaDiffer } from './monitor-meta-differ.js';
import { leanTenantRoom, tenantRoom } from './tenant-room.js';
import type { TenantEvents } from './tenant-events.js';

/** Emits one push to a room, leaving out the sockets of `except` when given. */
export type RoomEmit = <E extends ServerEventName>(
  room: string,
  except: string | null,
  event: E,
  ...args: Parameters<ServerToClientEvents[E]>
) => void;

/**
 * The tenant's pushes for both kinds of socket (docs/protocol/dashboard.md#what-a-lean-socket-receives):
 * every push goes to the tenant's room, lean sockets included, except `monitorList`, which
 * skips the lean room and is replaced there by its delta. Kuma sockets see no difference.
 */
export function createLeanAwareTenantEvents(emitTo: RoomEmit): TenantEvents {
  const differ = createMonitorMetaDiffer();
  const emit = emitTo as (
    room: string,
    except: string | null,
    event: string,
    ...args: unknown[]
  ) => void;
  return {
    emit(tenantId, event, ...args) {
      if (event !== 'monitorList') return emit(tenantRoom(tenantId), null, event, ...args);
      const lean = leanTenantRoom(tenantId);
      emit(tenantRoom(tenantId), lean, event, ...args);
      emitTo(lean, null, 'monitorMetaDelta', differ.delta(tenantId, args[0] as MonitorListPayload));
    },
  };
}
