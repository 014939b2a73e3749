import { useState } from 'react';
import type { NotificationJson } from '@watchpost/core';
import { Button } from '../../../components/button.js';
import { Row } from '../../../components/layout.js';
import { ConfirmDialog } from '../../../components/modal.js';
import { showRequestError } from '../../../components/notices.js';
import { request, useDashboard } from '../../../lib/dashboard-client.js';
import { strings } from '../../../strings.js';
import { SettingsSection } from '../settings-section.js';
import { DeliveryLog } from './delivery-log.js';
import { NotificationDialog } from './notification-dialog.js';
import {
  newNotificationForm,
  notificationFormFromJson,
  type NotificationForm,
} from './notification-form.js';

const s = strings.settings.notifications;

function typeName(type: string): string {
  return (strings.providerNames as Record<string, string>)[type] ?? type;
}

/** Kuma's default name for a new notification: "My Slack Alert (2)". */
function defaultName(type: string, count: number): string {
  return s.defaultName(typeName(type), count + 1);
}

/** Notifications: list, add/edit (every provider's fields), default, apply to existing, test, delete, delivery log. */
export function NotificationSettings() {
  const notifications = useDashboard((state) => state.notifications);
  const [editing, setEditing] = useState<NotificationForm | null>(null);
  const [deleting, setDeleting] = useState<NotificationJson | null>(null);
  const count = notifications?.length ?? 0;
  return (
    <SettingsSection
      title={strings.settings.sections.notifications}
      actions={
        <Button
          variant="primary"
          onClick={() => setEditing(newNotificationForm('webhook', defaultName('webhook', count)))}
        >
          {s.add}
        </Button>
      }
    >
      {notifications === null ? (
        <p className="loading">{strings.common.loading}</p>
      ) : notifications.length === 0 ? (
        <p>{s.empty}</p>
      ) : (
        <ul className="item-list">
          {notifications.map((notification) => {
            const form = notificationFormFromJson(notification);
            return (
              <li key={notification.id} className="item">
                <div className="item-main">
                  <strong>{notification.name}</strong>
                  <span>{typeName(form.type)}</span>
                  {notification.isDefault && <span className="tag-chip">{s.isDefault}</span>}
                </div>
                <Row>
                  <Button onClick={() => setEditing(form)}>{strings.common.edit}</Button>
                  <Button variant="danger" onClick={() => setDeleting(notification)}>
                    {strings.common.delete}
                  </Button>
                </Row>
              </li>
            );
          })}
        </ul>
      )}
      <DeliveryLog />
      {editing && (
        <NotificationDialog
          initial={editing}
          typeName={typeName}
          defaultName={(type) => defaultName(type, count)}
          onClose={() => setEditing(null)}
        />
      )}
      <ConfirmDialog
        open={deleting !== null}
        title={s.deleteTitle}
        message={s.deleteMessage(deleting?.name ?? '')}
        confirmLabel={strings.common.delete}
        danger
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          if (deleting) request('deleteNotification', deleting.id).catch(showRequestError);
          setDeleting(null);
        }}
      />
    </SettingsSection>
  );
}
