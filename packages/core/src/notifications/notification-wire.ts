import { z } from 'zod';
import type { Notification } from './notification.js';

/**
 * The wire forms of a notification: the object clients send to `addNotification` /
 * `testNotification` (docs/protocol/notifications.md) and the `notificationList` element (docs/protocol/notifications.md#notification-object).
 */

// Provider configs are flat (docs/protocol/notification-providers.md#saving-isdefault-and-applyexisting); a few kilobytes even with a custom
// webhook body template. The bounds keep a hostile payload from costing storage or stack.
export const MAX_NOTIFICATION_CONFIG_CHARS = 131_072;
const MAX_CONFIG_DEPTH = 16;

export const NOTIFICATION_NOT_OBJECT_MSG = 'Notification must be an object.';
export const NOTIFICATION_TOO_LARGE_MSG = `Notification is too large (at most ${MAX_NOTIFICATION_CONFIG_CHARS} characters of JSON).`;
export const NOTIFICATION_TOO_DEEP_MSG = 'Notification settings are nested too deeply.';
export const NOTIFICATION_NAME_MSG = 'Notification name is required.';
export const NOTIFICATION_TYPE_MSG = 'Notification type is required.';
// Upstream's text for a missing id; also for another tenant's, so ids cannot be probed.
export const NOTIFICATION_NOT_FOUND_MSG = 'notification not found';

// Python and the UI send booleans; 0/1 and null are what other scripts send for "unset".
const flag = (key: string) =>
  z.union([z.boolean(), z.literal(0), z.literal(1), z.null()], {
    message: `${key} must be true or false.`,
  });

/**
 * Any notification object within the size bounds, unchanged. What `testNotification` takes:
 * its type is checked against the providers, not here (docs/protocol/notifications.md names the error for that).
 */
export const notificationConfigSchema = z
  .record(z.string(), z.unknown(), { message: NOTIFICATION_NOT_OBJECT_MSG })
  .refine((config) => depthOf(config, MAX_CONFIG_DEPTH) <= MAX_CONFIG_DEPTH, {
    message: NOTIFICATION_TOO_DEEP_MSG,
  })
  .refine((config) => JSON.stringify(config).length <= MAX_NOTIFICATION_CONFIG_CHARS, {
    message: NOTIFICATION_TOO_LARGE_MSG,
  });

/**
 * The `addNotification` payload. Upstream stores the whole received object as `config`; so
 * does this, except `id` and `userId`, which Python echoes back when editing: clients merge
 * the parsed config over the row (docs/protocol/compatibility.md#json-inside-strings), so a copied object would otherwise show another
 * notification's id (or another tenant's user) in place of its own.
 */
export const notificationInputSchema = notificationConfigSchema
  .pipe(
    z
      .object({
        // Any type is stored (docs/protocol/notifications.md#notification-object: the server only needs a provider to send), as upstream.
        type: z
          .string({ message: NOTIFICATION_TYPE_MSG })
          .max(100, 'Notification type must be at most 100 characters.')
          .refine((type) => type.trim() !== '', NOTIFICATION_TYPE_MSG),
        name: z
          .string({ message: NOTIFICATION_NAME_MSG })
          .max(255, 'Notification name must be at most 255 characters.')
          .refine((name) => name.trim() !== '', NOTIFICATION_NAME_MSG),
        isDefault: flag('isDefault').optional(),
        applyExisting: flag('applyExisting').optional(),
      })
      .loose(),
  )
  .transform(({ id: _id, userId: _userId, ...config }) => ({
    name: config.name,
    config,
    isDefault: config.isDefault === true || config.isDefault === 1,
    applyExisting: config.applyExisting === true || config.applyExisting === 1,
  }));

export type NotificationInput = z.output<typeof notificationInputSchema>;

/** An element of the `notificationList` push (docs/protocol/notifications.md#notification-object). */
export interface NotificationJson {
  id: number;
  name: string;
  /** JSON text: clients parse it and merge it over the other fields (docs/protocol/compatibility.md#json-inside-strings). */
  config: string;
  active: boolean;
  userId: number | null;
  isDefault: boolean;
}

export function toNotificationJson(n: Notification): NotificationJson {
  return {
    id: n.id,
    name: n.name,
    config: JSON.stringify(n.config),
    active: n.active,
    userId: n.userId,
    isDefault: n.isDefault,
  };
}

/** Nesting depth of a JSON value, counted no further than `limit + 1` (cheap on hostile input). */
function depthOf(value: unknown, limit: number, depth = 0): number {
  if (typeof value !== 'object' || value === null || depth > limit) return depth;
  let deepest = depth + 1;
  for (const child of Object.values(value)) {
    deepest = Math.max(deepest, depthOf(child, limit, depth + 1));
    if (deepest > limit) break;
  }
  return deepest;
}
