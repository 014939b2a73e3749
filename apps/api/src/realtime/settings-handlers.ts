import { z } from 'zod';
import { tenantSettingsRepository } from '@watchpost/core/db';
import { tenantRoom } from '@watchpost/core/realtime';
import { checkCurrentPassword } from './current-password.js';
import { defineHandler, failure, Reply, type SocketHandler } from './define-handler.js';
// The maintenance slice replaces this loader with the real list; setSettings only needs
// "the tenant's maintenanceList as the login burst sends it".
import { loadMaintenanceList } from './pending-feature-lists.js';
import { refreshOtherSessions } from './refresh-other-sessions.js';
import { DEFAULT_TIMEZONE, isValidTimezone, loadTenantInfo } from './tenant-info.js';

/**
 * Spec §5.11 defaults, answered for keys a tenant never saved. Upstream leaves filling them
 * to its clients (a fresh install answers only `serverTimezone`); answering them here is
 * what those clients would show anyway. `nscd` is left out: its default differs between
 * clients, and Watchpost runs no local DNS cache.
 */
const SETTING_DEFAULTS: Readonly<Record<string, unknown>> = {
  checkUpdate: true,
  checkBeta: false,
  keepDataPeriodDays: 180,
  entryPage: 'dashboard',
  searchEngineIndex: false,
  primaryBaseURL: '',
  steamAPIKey: '',
  dnsCache: false,
  chromeExecutable: '',
  tlsExpiryNotifyDays: [7, 14, 21],
  disableAuth: false,
  trustProxy: false,
};

// Kuma's settings page sends about 15 keys; the bounds only keep one call from filling a row
// store with megabytes.
const MAX_KEYS = 100;
const MAX_KEY_LENGTH = 255;
const MAX_DATA_BYTES = 64 * 1024;

const settingsDataSchema = z
  .record(
    z
      .string()
      .min(1)
      .max(MAX_KEY_LENGTH, `Setting names must be at most ${MAX_KEY_LENGTH} characters.`),
    z.unknown(),
    { message: 'Settings must be an object.' },
  )
  .refine((data) => Object.keys(data).length <= MAX_KEYS, `At most ${MAX_KEYS} settings at once.`)
  .refine(
    (data) => Buffer.byteLength(JSON.stringify(data), 'utf8') <= MAX_DATA_BYTES,
    `Settings must be at most ${MAX_DATA_BYTES / 1024} KB.`,
  );

export const settingsHandlers: readonly SocketHandler[] = [
  // Spec §3.9: every `general` setting, JSON-decoded.
  defineHandler('getSettings', [], async ({ deps, session }) => {
    const stored = await tenantSettingsRepository.getGeneralSettings(deps.db, session.tenantId);
    const data: Record<string, unknown> = { ...SETTING_DEFAULTS, ...stored };
    if (typeof data['serverTimezone'] !== 'string' || data['serverTimezone'] === '') {
      data['serverTimezone'] = DEFAULT_TIMEZONE;
    }
    return { ok: true, data };
  }),

  // Spec §3.9 and §2.6. Everything is checked before anything is stored, so a refused call
  // changes nothing.
  defineHandler(
    'setSettings',
    [settingsDataSchema, z.unknown()],
    async ({ socket, deps, session }, [data, currentPassword]) => {
      const { db, io } = deps;
      const authWasDisabled = Boolean(
        await tenantSettingsRepository.getSetting(db, session.tenantId, 'disableAuth'),
      );
      if (!authWasDisabled && data['disableAuth']) {
        const check = await checkCurrentPassword(deps, session, currentPassword);
        if (!check.ok) return failure(check.msg);
      }
      const zone = data['serverTimezone'];
      if (typeof zone === 'string' && zone !== '' && !isValidTimezone(zone)) {
        return failure(`Invalid timezone:${zone}`);
      }

      await tenantSettingsRepository.saveGeneralSettings(db, session.tenantId, data);
      if (authWasDisabled && !data['disableAuth']) {
        await refreshOtherSessions(io, session, socket.id);
      }
      return Reply.of({ ok: true, msg: 'Saved' }, async () => {
        // Spec §3.9: ack first, then `info` to this socket and `maintenanceList` to the room.
        const [info, maintenances] = await Promise.all([
          loadTenantInfo(db, session.tenantId),
          loadMaintenanceList(db, session.tenantId),
        ]);
        socket.emit('info', info);
        io.to(tenantRoom(session.tenantId)).emit('maintenanceList', maintenances);
      });
    },
  ),
];
