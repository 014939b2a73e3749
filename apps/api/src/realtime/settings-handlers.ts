import { z } from 'zod';
import {
  DEFAULT_KEEP_DATA_PERIOD_DAYS,
  DEFAULT_TIME_ZONE,
  DEFAULT_TLS_EXPIRY_NOTIFY_DAYS,
  invalidSettingMessage,
  isValidTimeZone,
  tenantSettingsRepository,
} from '@watchpost/core/db';
import { tenantRoom } from '@watchpost/core/realtime';
import { AppError } from '@watchpost/core';
import { INIT_SERVER_TIMEZONE_SETTING } from '@watchpost/core/services';
import { checkCurrentPassword } from './current-password.js';
import {
  defineHandler,
  defineUnackedHandler,
  failure,
  Reply,
  type SocketHandler,
} from './define-handler.js';
import { loadMaintenanceList } from './maintenance-handlers.js';
import { refreshOtherSessions } from './refresh-other-sessions.js';
import { loadTenantInfo } from '@watchpost/core/services';

/**
 * Spec §5.11 defaults, answered for keys a tenant never saved. Upstream leaves filling them
 * to its clients (a fresh install answers only `serverTimezone`); answering them here is
 * what those clients would show anyway. `nscd` is left out: its default differs between
 * clients, and Watchpost runs no local DNS cache.
 */
const SETTING_DEFAULTS: Readonly<Record<string, unknown>> = {
  checkUpdate: true,
  checkBeta: false,
  keepDataPeriodDays: DEFAULT_KEEP_DATA_PERIOD_DAYS,
  entryPage: 'dashboard',
  searchEngineIndex: false,
  primaryBaseURL: '',
  steamAPIKey: '',
  dnsCache: false,
  chromeExecutable: '',
  tlsExpiryNotifyDays: DEFAULT_TLS_EXPIRY_NOTIFY_DAYS,
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
      data['serverTimezone'] = DEFAULT_TIME_ZONE;
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
      if (typeof zone === 'string' && zone !== '' && !isValidTimeZone(zone)) {
        return failure(`Invalid timezone:${zone}`);
      }
      // Watchpost's own: a value housekeeping or certificate reminders could not use is
      // refused here rather than silently replaced by the default later.
      const invalid = invalidSettingMessage(data);
      if (invalid) return failure(invalid);

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

  // Spec §3.9: never acks. The web UI answers the burst's `initServerTimezone` push with the
  // browser's zone. The zone is stored before the flag, so an interrupted call asks again.
  defineUnackedHandler(
    'initServerTimezone',
    [z.string({ message: 'The time zone must be text.' }).max(100)],
    async ({ socket, deps: { db }, session: { tenantId } }, [zone]) => {
      if (!isValidTimeZone(zone)) throw new AppError('invalid-input', `Invalid timezone:${zone}`);
      await tenantSettingsRepository.saveGeneralSettings(db, tenantId, { serverTimezone: zone });
      await tenantSettingsRepository.saveSetting(
        db,
        tenantId,
        INIT_SERVER_TIMEZONE_SETTING,
        true,
        null,
      );
      socket.emit('info', await loadTenantInfo(db, tenantId));
    },
  ),
];
