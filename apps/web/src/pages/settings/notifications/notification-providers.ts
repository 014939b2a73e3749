/**
 * The form of each notification type Watchpost sends through: the config keys its provider
 * reads (packages/core/src/notifications/providers/, docs/protocol/notification-providers.md),
 * how each is entered, and which the provider cannot send without. Labels live in strings.ts
 * under the same keys. A unit test checks that the types here are exactly the server's.
 */
export type FieldKind = 'text' | 'url' | 'secret' | 'number' | 'textarea' | 'checkbox' | 'select';

export interface ProviderField {
  key: string;
  kind: FieldKind;
  required?: boolean;
  /** Select values, shown through strings.providerOptions when it names them. */
  options?: readonly string[];
  /** What a new notification starts with (the value Kuma's form writes). */
  initial?: string | boolean;
}

export interface ProviderForm {
  type: string;
  fields: readonly ProviderField[];
}

const text = (key: string, required = false): ProviderField => ({ key, kind: 'text', required });
const url = (key: string, required = true): ProviderField => ({ key, kind: 'url', required });
const secret = (key: string, required = true): ProviderField => ({
  key,
  kind: 'secret',
  required,
});
const checkbox = (key: string): ProviderField => ({ key, kind: 'checkbox', initial: false });
const textarea = (key: string): ProviderField => ({ key, kind: 'textarea' });

export const PROVIDER_FORMS: readonly ProviderForm[] = [
  {
    type: 'webhook',
    fields: [
      url('webhookURL'),
      {
        key: 'webhookContentType',
        kind: 'select',
        options: ['json', 'form-data', 'custom'],
        initial: 'json',
      },
      textarea('webhookCustomBody'),
      textarea('webhookAdditionalHeaders'),
    ],
  },
  {
    type: 'slack',
    fields: [
      url('slackwebhookURL'),
      text('slackusername'),
      text('slackiconemo'),
      text('slackchannel'),
      checkbox('slackchannelnotify'),
    ],
  },
  {
    type: 'discord',
    fields: [url('discordWebhookUrl'), text('discordUsername'), text('discordPrefixMessage')],
  },
  {
    type: 'telegram',
    fields: [
      secret('telegramBotToken'),
      text('telegramChatID', true),
      text('telegramMessageThreadID'),
      checkbox('telegramSendSilently'),
      checkbox('telegramProtectContent'),
    ],
  },
  {
    type: 'smtp',
    fields: [
      text('smtpHost', true),
      { key: 'smtpPort', kind: 'number', required: true, initial: '587' },
      checkbox('smtpSecure'),
      checkbox('smtpIgnoreTLSError'),
      text('smtpUsername'),
      secret('smtpPassword', false),
      text('smtpFrom', true),
      text('smtpTo'),
      text('smtpCC'),
      text('smtpBCC'),
      text('customSubject'),
      text('smtpDkimDomain'),
      text('smtpDkimKeySelector'),
      textarea('smtpDkimPrivateKey'),
      text('smtpDkimHashAlgo'),
      text('smtpDkimheaderFieldNames'),
      text('smtpDkimskipFields'),
    ],
  },
  { type: 'teams', fields: [url('webhookUrl')] },
  {
    type: 'mattermost',
    fields: [
      url('mattermostWebhookUrl'),
      text('mattermostusername'),
      text('mattermostchannel'),
      text('mattermosticonemo'),
      url('mattermosticonurl', false),
    ],
  },
  {
    type: 'rocket.chat',
    fields: [
      url('rocketwebhookURL'),
      text('rocketusername'),
      text('rocketchannel'),
      text('rocketiconemo'),
    ],
  },
  {
    type: 'ntfy',
    fields: [
      { key: 'ntfyserverurl', kind: 'url', required: true, initial: 'https://ntfy.sh' },
      text('ntfytopic', true),
      { key: 'ntfyPriority', kind: 'number', initial: '5' },
      {
        key: 'ntfyAuthenticationMethod',
        kind: 'select',
        options: ['none', 'usernamePassword', 'accessToken'],
        initial: 'none',
      },
      text('ntfyusername'),
      secret('ntfypassword', false),
      secret('ntfyaccesstoken', false),
      url('ntfyIcon', false),
    ],
  },
  { type: 'GoogleChat', fields: [url('googleChatWebhookURL')] },
  {
    type: 'gotify',
    fields: [
      url('gotifyserverurl'),
      secret('gotifyapplicationToken'),
      { key: 'gotifyPriority', kind: 'number', initial: '8' },
    ],
  },
  {
    type: 'HomeAssistant',
    fields: [url('homeAssistantUrl'), secret('longLivedAccessToken'), text('notificationService')],
  },
  {
    type: 'matrix',
    fields: [url('homeserverUrl'), text('internalRoomId', true), secret('accessToken')],
  },
  {
    type: 'Opsgenie',
    fields: [
      secret('opsgenieApiKey'),
      { key: 'opsgenieRegion', kind: 'select', options: ['us', 'eu'], initial: 'us' },
      { key: 'opsgeniePriority', kind: 'select', options: ['1', '2', '3', '4', '5'], initial: '3' },
    ],
  },
  {
    type: 'PagerDuty',
    fields: [
      {
        key: 'pagerdutyIntegrationUrl',
        kind: 'url',
        required: true,
        initial: 'https://events.pagerduty.com/v2/enqueue',
      },
      secret('pagerdutyIntegrationKey'),
      {
        key: 'pagerdutyPriority',
        kind: 'select',
        options: ['info', 'warning', 'error', 'critical'],
        initial: 'warning',
      },
      {
        key: 'pagerdutyAutoResolve',
        kind: 'select',
        options: ['0', 'resolve', 'acknowledge'],
        initial: '0',
      },
    ],
  },
  { type: 'pushbullet', fields: [secret('pushbulletAccessToken')] },
  {
    type: 'pushover',
    fields: [
      text('pushoveruserkey', true),
      secret('pushoverapptoken'),
      text('pushoverdevice'),
      text('pushovertitle'),
      {
        key: 'pushoverpriority',
        kind: 'select',
        options: ['-2', '-1', '0', '1', '2'],
        initial: '0',
      },
      text('pushoversounds'),
      { key: 'pushoverttl', kind: 'number' },
    ],
  },
  {
    type: 'signal',
    fields: [url('signalURL'), text('signalNumber', true), text('signalRecipients', true)],
  },
];

export function providerForm(type: string): ProviderForm | undefined {
  return PROVIDER_FORMS.find((form) => form.type === type);
}
