import { AppError } from '../errors/app-error.js';
import type { ServiceContext } from '../services/service-context.js';
import { primaryBaseUrlOf } from '../settings/setting-values.js';
import * as settingsRepository from '../settings/settings-repository.js';
import type { NotificationConfig } from './provider.js';
import { providerFor, UNSUPPORTED_TYPE_MSG } from './registry.js';

/** Upstream waits forever for a provider; a test must answer while the user still looks. */
const TEST_TIMEOUT_MS = 10_000;

/** A test send's outcome: the provider's own text either way (docs/protocol/notification-providers.md#error-texts). */
export type NotificationTestResult = { sent: true; msg: string } | { sent: false; error: string };

/**
 * `testNotification` (docs/protocol/notifications.md#testnotification): sends for real through the unsaved config. A provider that
 * refuses is an answer, not a failure of the call; its text may quote the tenant's own
 * config, which is fine for the tenant, so it is not logged.
 */
export async function testNotification(
  ctx: ServiceContext,
  config: NotificationConfig,
): Promise<NotificationTestResult> {
  const provider = providerFor(config.type);
  if (!provider) throw new AppError('invalid-input', UNSUPPORTED_TYPE_MSG);
  const name = typeof config.name === 'string' ? config.name : '';
  const baseUrl = primaryBaseUrlOf(
    await settingsRepository.getSetting(ctx.db, ctx.tenantId, 'primaryBaseURL'),
  );
  try {
    const msg = await provider.send(
      config,
      { msg: `${name} Testing`, monitor: null, heartbeat: null },
      { baseUrl, timeoutMs: TEST_TIMEOUT_MS, egress: ctx.egress },
    );
    return { sent: true, msg };
  } catch (error) {
    return { sent: false, error: error instanceof Error ? error.message : String(error) };
  }
}
