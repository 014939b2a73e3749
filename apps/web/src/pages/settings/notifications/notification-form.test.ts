import { describe, expect, it } from 'vitest';
import type { NotificationJson } from '@watchpost/core';
import {
  newNotificationForm,
  notificationErrorField,
  notificationFormFromJson,
  notificationPayload,
} from './notification-form.js';

const telegram: NotificationJson = {
  id: 4,
  name: 'Ops chat',
  config: JSON.stringify({
    name: 'Ops chat',
    type: 'telegram',
    isDefault: true,
    applyExisting: false,
    telegramBotToken: '123:abc',
    telegramChatID: -1001,
    telegramSendSilently: true,
    someOtherClientsKey: 'kept',
  }),
  active: true,
  userId: 1,
  isDefault: true,
};

describe('notification form mapping', () => {
  it('reads a stored notification and writes it back, keeping keys the form does not show', () => {
    const form = notificationFormFromJson(telegram);
    expect(form).toMatchObject({ id: 4, type: 'telegram', isDefault: true });
    expect(form.values).toEqual({
      telegramBotToken: '123:abc',
      telegramChatID: '-1001',
      telegramMessageThreadID: '',
      telegramSendSilently: true,
      telegramProtectContent: false,
    });
    expect(notificationPayload(form)).toEqual({
      name: 'Ops chat',
      type: 'telegram',
      isDefault: true,
      applyExisting: false,
      telegramBotToken: '123:abc',
      telegramChatID: '-1001',
      telegramSendSilently: true,
      telegramProtectContent: false,
      someOtherClientsKey: 'kept',
    });
  });

  it('starts a new notification with the values Kuma’s form writes, numbers as numbers', () => {
    const form = newNotificationForm('ntfy', 'My ntfy Alert (1)');
    form.values.ntfytopic = 'alerts';
    expect(notificationPayload({ ...form, applyExisting: true })).toEqual({
      name: 'My ntfy Alert (1)',
      type: 'ntfy',
      isDefault: false,
      applyExisting: true,
      ntfyserverurl: 'https://ntfy.sh',
      ntfytopic: 'alerts',
      ntfyPriority: 5,
      ntfyAuthenticationMethod: 'none',
    });
  });

  it('leaves out a field the user emptied, even when it was stored', () => {
    const form = notificationFormFromJson(telegram);
    form.values.telegramBotToken = '';
    expect(notificationPayload(form)).not.toHaveProperty('telegramBotToken');
  });

  it('reads a config that is not a JSON object as empty', () => {
    const form = notificationFormFromJson({ ...telegram, config: 'not json' });
    expect(form).toMatchObject({ type: '', values: {}, stored: {} });
  });

  it('places the server messages on their fields', () => {
    expect(notificationErrorField('Notification name is required.')).toBe('name');
    expect(notificationErrorField('Notification type is required.')).toBe('type');
    expect(notificationErrorField('Notification setting "telegramChatID" is missing')).toBe(
      'telegramChatID',
    );
    expect(notificationErrorField('Error: Bad Request: chat not found')).toBe('form');
  });
});
