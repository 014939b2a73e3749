import type { NotificationProvider } from '../provider.js';
import { discordProvider } from './discord.js';
import { mattermostProvider } from './mattermost.js';
import { ntfyProvider } from './ntfy.js';
import { rocketChatProvider } from './rocket-chat.js';
import { slackProvider } from './slack.js';
import { smtpProvider } from './smtp.js';
import { teamsProvider } from './teams.js';
import { telegramProvider } from './telegram.js';
import { webhookProvider } from './webhook.js';
import { googleChatProvider } from './google-chat.js';
import { gotifyProvider } from './gotify.js';
import { homeAssistantProvider } from './home-assistant.js';
import { matrixProvider } from './matrix.js';
import { opsgenieProvider } from './opsgenie.js';
import { pagerDutyProvider } from './pagerduty.js';
import { pushbulletProvider } from './pushbullet.js';
import { pushoverProvider } from './pushover.js';
import { signalProvider } from './signal.js';

/**
 * Every provider Watchpost sends through, by Kuma's type identifier. Each provider module
 * exports one `NotificationProvider`; add it here.
 */
export const NOTIFICATION_PROVIDERS: readonly NotificationProvider[] = [
  webhookProvider,
  slackProvider,
  discordProvider,
  telegramProvider,
  smtpProvider,
  ntfyProvider,
  teamsProvider,
  mattermostProvider,
  rocketChatProvider,
  googleChatProvider,
  matrixProvider,
  gotifyProvider,
  pushoverProvider,
  pagerDutyProvider,
  opsgenieProvider,
  signalProvider,
  homeAssistantProvider,
  pushbulletProvider,
];
