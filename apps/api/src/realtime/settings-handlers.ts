import { z } from 'zod';
import { AppError } from '@watchpost/core';
import {
  getSettings,
  setServerTimezone,
  setSettings,
  settingsDataSchema,
  timeZoneArgSchema,
} from '@watchpost/core/services';
// TODO(merge): the password check may move into core as verifyCurrentPassword.
import { checkCurrentPassword } from './current-password.js';
import {
  defineHandler,
  defineUnackedHandler,
  Reply,
  type SocketHandler,
} from './define-handler.js';
import { refreshOtherSessions } from './refresh-other-sessions.js';
import { loadTenantInfo } from './tenant-info.js';

export const settingsHandlers: readonly SocketHandler[] = [
  // Spec §3.9: every `general` setting, JSON-decoded.
  defineHandler('getSettings', [], async ({ service }) => {
    return { ok: true, data: await getSettings(service) };
  }),

  defineHandler(
    'setSettings',
    [settingsDataSchema, z.unknown()],
    async ({ socket, deps, session, service }, [data, currentPassword]) => {
      const result = await setSettings(service, data, currentPassword, async (password) => {
        const check = await checkCurrentPassword(deps, session, password);
        if (!check.ok) throw new AppError('invalid-input', check.msg);
      });
      if (result.authEnabledAgain) await refreshOtherSessions(deps.io, session, socket.id);
      return Reply.of({ ok: true, msg: 'Saved' }, async () => {
        // Spec §3.9: ack first, then `info` to this socket and `maintenanceList` to the room.
        socket.emit('info', await loadTenantInfo(deps.db, session.tenantId));
        await result.publish();
      });
    },
  ),

  // Spec §3.9: never acks. The web UI answers the burst's `initServerTimezone` push with the
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
