import { AppError } from '../errors/app-error.js';
import { isValidTimeZone } from '../maintenance/zoned-time.js';
import { INIT_SERVER_TIMEZONE_SETTING } from '../server-info/server-info.js';
import type { ServiceContext } from '../services/service-context.js';
import { invalidTimeZoneMessage } from './settings-input.js';
import * as settingsRepository from './settings-repository.js';

/**
 * `initServerTimezone` (docs/protocol/settings.md): the browser's zone, once. The zone is stored before the
 * flag, so an interrupted call asks again.
 */
export async function setServerTimezone(ctx: ServiceContext, zone: string): Promise<void> {
  if (!isValidTimeZone(zone)) throw new AppError('invalid-input', invalidTimeZoneMessage(zone));
  await settingsRepository.saveGeneralSettings(ctx.db, ctx.tenantId, { serverTimezone: zone });
  await settingsRepository.saveSetting(
    ctx.db,
    ctx.tenantId,
    INIT_SERVER_TIMEZONE_SETTING,
    true,
    null,
  );
}
