import { z } from 'zod';
import {
  getSettings,
  loadTenantInfo,
  setServerTimezone,
  setSettings,
  settingsDataSchema,
  timeZoneArgSchema,
} from '@watchpost/core/services';
import { redactSettings } from '@watchpost/core/realtime';
import {
  defineHandler,
  defineUnackedHandler,
  Reply,
  type SocketHandler,
} from './define-handler.js';
import { refreshOtherSessions } from './refresh-other-sessions.js';
import { forSession } from './session-audience.js';

export const settingsHandlers: readonly SocketHandler[] = [
  // docs/protocol/settings.md: every `general` setting, JSON-decoded.
  defineHandler('getSettings', [], async ({ service, session }) => {
    return { ok: true, data: forSession(session, await getSettings(service), redactSettings) };
  }),

  defineHandler(
    'setSettings',
    [settingsDataSchema, z.unknown()],
    async ({ socket, deps, session, service }, [data, currentPassword]) => {
      const result = await setSettings(service, data, currentPassword);
      if (result.authEnabledAgain) await refreshOtherSessions(deps.io, session, socket.id);
      return Reply.of({ ok: true, msg: 'Saved' }, async () => {
        // docs/protocol/settings.md: ack first, then `info` to this socket and `maintenanceList` to the room.
        socket.emit('info', await loadTenantInfo(deps.db, session.tenantId));
        await result.publish();
      });
    },
  ),

  // docs/protocol/settings.md: never acks. The web UI answers the burst's `initServerTimezone` push with the
  // browser's zone.
  defineUnackedHandler(
    'initServerTimezone',
    [timeZoneArgSchema],
    async ({ socket, deps, service }, [zone]) => {
      await setServerTimezone(service, zone);
      socket.emit('info', await loadTenantInfo(deps.db, service.tenantId));
    },
  ),
];
