import { describe, expect, it } from 'vitest';
import {
  MAX_NOTIFICATION_CONFIG_CHARS,
  notificationConfigSchema,
  notificationInputSchema,
  toNotificationJson,
} from './notification-wire.js';

const telegram = {
  name: 'chat',
  type: 'telegram',
  isDefault: false,
  applyExisting: true,
  telegramBotToken: '123:abc',
  telegramChatID: '-100',
};

describe('notificationInputSchema', () => {
  it('keeps every key the client sent as config, flags read as booleans', () => {
    expect(notificationInputSchema.parse(telegram)).toEqual({
      name: 'chat',
      config: telegram,
      isDefault: false,
      applyExisting: true,
    });
  });

  it('reads 0/1 and null flags, and absent ones as false without adding them to config', () => {
    const { config, isDefault, applyExisting } = notificationInputSchema.parse({
      name: 'x',
      type: 'ntfy',
      isDefault: 1,
      applyExisting: null,
    });
    expect([isDefault, applyExisting]).toEqual([true, false]);
    expect(config).toEqual({ name: 'x', type: 'ntfy', isDefault: 1, applyExisting: null });
    expect(notificationInputSchema.parse({ name: 'x', type: 'ntfy' }).config).toEqual({
      name: 'x',
      type: 'ntfy',
    });
  });

  it('leaves out the id and userId Python echoes back when editing', () => {
    const parsed = notificationInputSchema.parse({ ...telegram, id: 3, userId: 1, active: true });
    expect(parsed.config).toEqual({ ...telegram, active: true });
  });

  it('stores any type, as upstream does, but needs one', () => {
    expect(notificationInputSchema.parse({ name: 'x', type: 'FutureThing' }).config.type).toBe(
      'FutureThing',
    );
    expect(notificationInputSchema.safeParse({ name: 'x', type: '' }).success).toBe(false);
  });

  it('does not let a __proto__ key reach Object.prototype', () => {
    const hostile = JSON.parse('{"name":"x","type":"webhook","__proto__":{"polluted":1}}');
    notificationInputSchema.safeParse(hostile);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('notificationConfigSchema', () => {
  it('bounds the size and nesting of a config', () => {
    const big = { type: 'webhook', body: 'x'.repeat(MAX_NOTIFICATION_CONFIG_CHARS) };
    expect(notificationConfigSchema.safeParse(big).success).toBe(false);
    let deep: unknown = 'leaf';
    for (let i = 0; i < 17; i++) deep = { a: deep };
    expect(notificationConfigSchema.safeParse({ deep }).success).toBe(false);
    expect(notificationConfigSchema.safeParse({ type: 'x', a: { b: [1] } }).success).toBe(true);
  });
});

describe('toNotificationJson', () => {
  it('answers the docs/protocol/notifications.md#notification-object shape with config as JSON text', () => {
    const json = toNotificationJson({
      id: 7,
      tenantId: 2,
      userId: 5,
      name: 'chat',
      config: telegram,
      isDefault: true,
      active: true,
      createdAt: new Date(),
    });
    expect(json).toEqual({
      id: 7,
      name: 'chat',
      config: JSON.stringify(telegram),
      active: true,
      userId: 5,
      isDefault: true,
    });
  });
});
