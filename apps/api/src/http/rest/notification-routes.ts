import { z } from 'zod';
import {
  AppError,
  NOTIFICATION_NOT_FOUND_MSG,
  notificationConfigSchema,
  notificationInputSchema,
  type NotificationJson,
} from '@watchpost/core';
import { redactNotification } from '@watchpost/core/realtime';
import {
  deleteNotification,
  listNotifications,
  saveNotification,
  testNotification,
  type LoginIdentity,
} from '@watchpost/core/services';
import { documentedAs } from './openapi-document.js';
import { defineRoute, type RestCall } from './rest-route.js';
import { idParams, parseInput, wireObject } from './rest-schemas.js';

const notificationSchema = documentedAs(
  'Notification',
  wireObject({
    id: z.number().int(),
    name: z.string(),
    config: z
      .string()
      .meta({ description: 'The provider settings as JSON text, as Kuma sends them.' }),
    active: z.boolean(),
    isDefault: z.boolean(),
  }),
);
const testResultSchema = z.object({
  sent: z.boolean(),
  message: z.string().meta({ description: "The provider's own answer, or why it refused." }),
});

/** Read-scope keys never see a provider's secrets (docs/protocol/api-keys.md#read-scope-keys). */
function forCaller(identity: LoginIdentity, notification: NotificationJson): NotificationJson {
  return identity.scope === 'read' ? redactNotification(notification) : notification;
}

async function loadNotification({ service, identity, params }: RestCall<{ id: number }>) {
  const found = (await listNotifications(service)).find((n) => n.id === params.id);
  if (!found) throw new AppError('not-found', NOTIFICATION_NOT_FOUND_MSG);
  return forCaller(identity, found);
}

async function sendTest(call: RestCall, config: Record<string, unknown>) {
  const result = await testNotification(call.service, config);
  return result.sent ? { sent: true, message: result.msg } : { sent: false, message: result.error };
}

const params = idParams('Notification');
const body = notificationConfigSchema.meta({
  description: "Kuma's notification object: `name`, `type`, and the provider's own fields.",
});

const documentedNotificationBody = documentedAs('NotificationInput', notificationInputSchema);

export const notificationRoutes = [
  defineRoute({
    method: 'GET',
    path: '/notifications',
    operationId: 'listNotifications',
    summary: "The tenant's notifications.",
    tag: 'notifications',
    scope: 'read',
    response: z.object({ data: z.array(notificationSchema) }),
    handle: async ({ service, identity }) => ({
      data: (await listNotifications(service)).map((n) => forCaller(identity, n)),
    }),
  }),
  defineRoute({
    method: 'POST',
    path: '/notifications',
    operationId: 'createNotification',
    summary: 'Create a notification.',
    tag: 'notifications',
    scope: 'write',
    body,
    documentedBody: documentedNotificationBody,
    response: notificationSchema,
    status: 201,
    location: (notification) => `/notifications/${notification.id}`,
    handle: async (call) => {
      const { id } = await saveNotification(
        call.service,
        parseInput(notificationInputSchema, call.body),
        null,
      );
      return loadNotification({ ...call, params: { id } });
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/notifications/test',
    operationId: 'testUnsavedNotification',
    summary: 'Send a test message through an unsaved notification.',
    tag: 'notifications',
    scope: 'write',
    body,
    response: testResultSchema,
    handle: (call) => sendTest(call, call.body),
  }),
  defineRoute({
    method: 'GET',
    path: '/notifications/{id}',
    operationId: 'getNotification',
    summary: 'One notification.',
    tag: 'notifications',
    scope: 'read',
    params,
    response: notificationSchema,
    handle: loadNotification,
  }),
  defineRoute({
    method: 'PUT',
    path: '/notifications/{id}',
    operationId: 'replaceNotification',
    summary: 'Overwrite a notification.',
    tag: 'notifications',
    scope: 'write',
    params,
    body,
    documentedBody: documentedNotificationBody,
    response: notificationSchema,
    current: loadNotification,
    handle: async (call) => {
      await saveNotification(
        call.service,
        parseInput(notificationInputSchema, call.body),
        call.params.id,
      );
      return loadNotification(call);
    },
  }),
  defineRoute({
    method: 'DELETE',
    path: '/notifications/{id}',
    operationId: 'deleteNotification',
    summary: 'Delete a notification and unlink it from every monitor.',
    tag: 'notifications',
    scope: 'write',
    params,
    response: null,
    current: loadNotification,
    handle: ({ service, params: { id } }) => deleteNotification(service, id),
  }),
  defineRoute({
    method: 'POST',
    path: '/notifications/{id}/test',
    operationId: 'testNotification',
    summary: 'Send a test message through a saved notification.',
    tag: 'notifications',
    scope: 'write',
    params,
    response: testResultSchema,
    handle: async (call) => {
      const saved = await loadNotification(call);
      return sendTest(call, {
        ...(JSON.parse(saved.config) as Record<string, unknown>),
        name: saved.name,
      });
    },
  }),
];
