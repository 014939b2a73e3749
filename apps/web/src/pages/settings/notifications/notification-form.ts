import type { NotificationJson } from '@watchpost/core';
import { providerForm, type ProviderField } from './notification-providers.js';

export type FieldValue = string | boolean;

/**
 * What the notification form edits. `values` holds the provider fields as the inputs show
 * them (text, or a boolean for a checkbox); `stored` is the whole config last saved, so keys
 * the form does not show (another client's, another type's) survive an edit, as in Kuma.
 */
export interface NotificationForm {
  id: number | null;
  name: string;
  type: string;
  isDefault: boolean;
  applyExisting: boolean;
  values: Record<string, FieldValue>;
  stored: Record<string, unknown>;
}

function initialValue(field: ProviderField): FieldValue {
  return field.initial ?? (field.kind === 'checkbox' ? false : '');
}

function formValue(field: ProviderField, value: unknown): FieldValue {
  if (value === undefined || value === null) return initialValue(field);
  if (field.kind === 'checkbox') return value === true || value === 1 || value === 'true';
  return String(value);
}

/** The values of `type`'s fields, read from `config` (missing keys get their initial value). */
export function valuesOfType(type: string, config: Record<string, unknown>) {
  const values: Record<string, FieldValue> = {};
  for (const field of providerForm(type)?.fields ?? []) {
    values[field.key] = formValue(field, config[field.key]);
  }
  return values;
}

/** A new notification of `type`, named like Kuma names one ("My Slack Alert (2)"). */
export function newNotificationForm(type: string, name: string): NotificationForm {
  return {
    id: null,
    name,
    type,
    isDefault: false,
    applyExisting: false,
    values: valuesOfType(type, {}),
    stored: {},
  };
}

/** The form for a notification of the `notificationList` push. */
export function notificationFormFromJson(notification: NotificationJson): NotificationForm {
  const stored = parseConfig(notification.config);
  const type = typeof stored.type === 'string' ? stored.type : '';
  return {
    id: notification.id,
    name: notification.name,
    type,
    isDefault: notification.isDefault,
    applyExisting: stored.applyExisting === true,
    values: valuesOfType(type, stored),
    stored,
  };
}

/** The config is JSON text (docs/protocol/compatibility.md#json-inside-strings); a bad one reads as empty. */
function parseConfig(config: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(config);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

/**
 * The `addNotification` / `testNotification` object (docs/protocol/notifications.md#addnotification):
 * the stored config, then the form's fields. Numbers are sent as numbers; an emptied field is
 * left out, so the provider sees it unset rather than as an empty text.
 */
export function notificationPayload(form: NotificationForm): Record<string, unknown> {
  const payload: Record<string, unknown> = {
    ...form.stored,
    name: form.name,
    type: form.type,
    isDefault: form.isDefault,
    applyExisting: form.applyExisting,
  };
  for (const field of providerForm(form.type)?.fields ?? []) {
    const value = form.values[field.key] ?? initialValue(field);
    if (value === '') delete payload[field.key];
    else if (field.kind === 'number' && typeof value === 'string')
      payload[field.key] = Number(value);
    else payload[field.key] = value;
  }
  return payload;
}

/**
 * Where a server message about a notification belongs: the name or type, the provider field a
 * test found missing (`Notification setting "telegramChatID" is missing`), or the form.
 */
export function notificationErrorField(message: string): string {
  if (/^Notification name/.test(message)) return 'name';
  if (/^Notification type/.test(message)) return 'type';
  return /^Notification setting "(\w+)" is missing/.exec(message)?.[1] ?? 'form';
}
