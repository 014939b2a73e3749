import { AppError } from '../errors/app-error.js';
import { pushMaintenanceList } from '../maintenance/push-maintenance-list.js';
import { isValidTimeZone } from '../maintenance/zoned-time.js';
import type { ServiceContext } from '../services/service-context.js';
import { invalidTimeZoneMessage } from './settings-input.js';
import { verifyCurrentPassword } from '../users/verify-current-password.js';
import * as settingsRepository from './settings-repository.js';
import { invalidSettingMessage } from './setting-values.js';

export interface SetSettingsResult {
  /** Authentication was disabled and is now on again: the user's other sessions must end. */
  authEnabledAgain: boolean;
  /** docs/protocol/settings.md: `maintenanceList` to the room, after the caller's reply. */
  publish: () => Promise<void>;
}

/**
 * docs/protocol/settings.md and docs/protocol/authentication.md#disabled-authentication. Everything is checked before anything is stored, so a refused call
 * changes nothing; turning authentication off needs the current password.
 */
export async function setSettings(
  ctx: ServiceContext,
  data: Record<string, unknown>,
  currentPassword: unknown,
): Promise<SetSettingsResult> {
  const authWasDisabled = Boolean(
    await settingsRepository.getSetting(ctx.db, ctx.tenantId, 'disableAuth'),
  );
  if (!authWasDisabled && data['disableAuth']) await verifyCurrentPassword(ctx, currentPassword);
  const zone = data['serverTimezone'];
  if (typeof zone === 'string' && zone !== '' && !isValidTimeZone(zone)) {
    throw new AppError('invalid-input', invalidTimeZoneMessage(zone));
  }
  // Watchpost's own: a value housekeeping or certificate reminders could not use is
  // refused here rather than silently replaced by the default later.
  const invalid = invalidSettingMessage(data);
  if (invalid) throw new AppError('invalid-input', invalid);

  await settingsRepository.saveGeneralSettings(ctx.db, ctx.tenantId, data);
  return {
    authEnabledAgain: authWasDisabled && !data['disableAuth'],
    publish: () => pushMaintenanceList(ctx),
  };
}
