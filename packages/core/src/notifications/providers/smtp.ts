import nodemailer from 'nodemailer';
import { resolveEgressAddress } from '../../egress/egress-connect.js';
import type { EgressPolicy } from '../../egress/egress-policy.js';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import {
  SENT_SUCCESSFULLY,
  type NotificationConfig,
  type NotificationMessage,
  type NotificationProvider,
} from '../provider.js';
import { requireConfigText } from './provider-fields.js';

const DOWN = 0;

/**
 * Plain-text email through nodemailer (docs/protocol/notification-providers.md#smtp), with a fresh transport per send as
 * upstream. Errors are nodemailer's own messages, unprefixed (docs/protocol/notification-providers.md#error-texts).
 */
export const smtpProvider: NotificationProvider = {
  type: 'smtp',
  async send(config, message, { timeoutMs, egress }) {
    const { msg, heartbeat } = message;
    try {
      const options = transportOptions(config, timeoutMs);
      const transport = nodemailer.createTransport(await withEgressAddress(options, egress));
      await transport.sendMail({
        from: text(config.smtpFrom),
        to: text(config.smtpTo),
        cc: text(config.smtpCC),
        bcc: text(config.smtpBCC),
        subject: subjectOf(config, message),
        text: heartbeat
          ? `${msg}\nTime (${String(heartbeat.timezone)}): ${String(heartbeat.localDateTime)}`
          : msg,
      });
      return SENT_SUCCESSFULLY;
    } catch (error) {
      // Upstream has no catch: nodemailer's own message is the client's text (docs/protocol/notification-providers.md#error-texts).
      throw new Error(error instanceof Error ? error.message : String(error), { cause: error });
    }
  },
};

function transportOptions(config: NotificationConfig, timeoutMs: number): SMTPTransport.Options {
  const options: SMTPTransport.Options = {
    host: requireConfigText(config, 'smtpHost'),
    // 0 or missing lets nodemailer pick 587, or 465 for implicit TLS, as upstream.
    port: Number(config.smtpPort) || undefined,
    secure: parseSecure(config.smtpSecure),
    tls: { rejectUnauthorized: !config.smtpIgnoreTLSError },
    // Upstream keeps nodemailer's minutes-long defaults; one attempt is bounded here.
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  };
  if (config.smtpUsername || config.smtpPassword) {
    options.auth = { user: text(config.smtpUsername), pass: text(config.smtpPassword) };
  }
  if (config.smtpDkimDomain) {
    options.dkim = {
      domainName: String(config.smtpDkimDomain),
      keySelector: text(config.smtpDkimKeySelector) ?? '',
      privateKey: text(config.smtpDkimPrivateKey) ?? '',
      hashAlgo: text(config.smtpDkimHashAlgo),
      headerFieldNames: text(config.smtpDkimheaderFieldNames),
      skipFields: text(config.smtpDkimskipFields),
    };
  }
  return options;
}

/**
 * nodemailer resolves names itself and has no lookup hook, so under a restrictive policy it
 * is handed the checked address to dial, and the name for TLS (architecture rule 10).
 */
async function withEgressAddress(
  options: SMTPTransport.Options,
  egress: EgressPolicy,
): Promise<SMTPTransport.Options> {
  if (egress.mode === 'allow-private' || options.host === undefined) return options;
  const address = await resolveEgressAddress(egress, options.host);
  return { ...options, host: address, tls: { ...options.tls, servername: options.host } };
}

/**
 * The UI sends a bool, the Python client a string; nodemailer would read "false" as true.
 * Strings and 0/1 are read for what they say (docs/protocol/notification-providers.md#quirks-and-resolutions #13); unset stays unset so nodemailer can
 * still switch implicit TLS on for port 465.
 */
function parseSecure(value: unknown): boolean | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return ['true', '1'].includes(value.trim().toLowerCase());
  return Boolean(value);
}

/** `customSubject` with its three macros, for beats and tests only, not reminders (docs/protocol/notification-providers.md#smtp). */
function subjectOf(config: NotificationConfig, { msg, monitor, heartbeat }: NotificationMessage) {
  const custom = typeof config.customSubject === 'string' ? config.customSubject.trim() : '';
  if (custom === '' || !((monitor && heartbeat) || msg.endsWith('Testing'))) return msg;
  const macros: [string, string][] = [
    ['{{STATUS}}', heartbeat ? (heartbeat.status === DOWN ? '🔴 Down' : '✅ Up') : '⚠️ Test'],
    ['{{NAME}}', monitor ? String(monitor.name) : 'Test'],
    ['{{HOSTNAME_OR_URL}}', monitor ? hostnameOrUrl(monitor) : 'testing.hostname'],
  ];
  // split/join rather than a regex replace: a `$&` in a monitor name stays literal.
  return macros.reduce((subject, [macro, value]) => subject.split(macro).join(value), custom);
}

function hostnameOrUrl(monitor: Record<string, unknown>): string {
  switch (monitor.type) {
    case 'http':
    case 'keyword':
    case 'json-query':
      return text(monitor.url) ?? '';
    case 'group':
      return `Group: ${String(monitor.name)}`;
    default:
      return text(monitor.hostname) ?? '';
  }
}

function text(value: unknown): string | undefined {
  return value === undefined || value === null ? undefined : String(value);
}
