import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { providerFor } from '../registry.js';
import {
  downEvent,
  makeMonitorJSON,
  TEST_CONTEXT,
  testMessage,
  upEvent,
} from './provider-test-events.js';
import { smtpProvider } from './smtp.js';

interface ReceivedMail {
  from: string | false;
  to: string[];
  secure: boolean;
  user: unknown;
  headers: Record<string, string>;
  text: string;
}

/** A local SMTP server on port 0 that accepts `kuma`/`s3cret` and records each message. */
async function startSmtpServer(options: SMTPServerOptions) {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    logger: false,
    disableReverseLookup: true,
    authOptional: true,
    onAuth(auth, _session, callback) {
      if (auth.username === 'kuma' && auth.password === 's3cret') callback(null, { user: 'kuma' });
      else callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom && session.envelope.mailFrom.address,
          to: session.envelope.rcptTo.map((r) => r.address),
          secure: session.secure,
          user: session.user,
          ...parseMail(Buffer.concat(chunks).toString('utf8')),
        });
        callback();
      });
    },
    ...options,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { port, received, close: () => new Promise<void>((resolve) => server.close(resolve)) };
}

/** Just enough MIME reading for what nodemailer writes: folded headers, encoded words, QP. */
function parseMail(raw: string) {
  const split = raw.indexOf('\r\n\r\n');
  const headers: Record<string, string> = {};
  for (const line of raw
    .slice(0, split)
    .replace(/\r\n[ \t]+/g, ' ')
    .split('\r\n')) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).toLowerCase()] = decodeWords(line.slice(colon + 1).trim());
  }
  let text = raw.slice(split + 4);
  const encoding = headers['content-transfer-encoding'];
  if (encoding === 'quoted-printable') text = decodeQuotedPrintable(text);
  if (encoding === 'base64') text = Buffer.from(text, 'base64').toString('utf8');
  return { headers, text: text.replace(/\r\n$/, '') };
}

function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([qb])\?([^?]*)\?=/gi, (_m, kind: string, word: string) =>
      kind.toUpperCase() === 'B'
        ? Buffer.from(word, 'base64').toString('utf8')
        : decodeQuotedPrintable(word.replace(/_/g, ' ')),
    );
}

function decodeQuotedPrintable(text: string): string {
  const bytes = text
    .replace(/=\r\n/g, '')
    .split(/(=[0-9A-F]{2})/i)
    .flatMap((part) =>
      /^=[0-9A-F]{2}$/i.test(part) ? [parseInt(part.slice(1), 16)] : [...Buffer.from(part)],
    );
  return Buffer.from(bytes).toString('utf8');
}

let plain: Awaited<ReturnType<typeof startSmtpServer>>;
let startTls: Awaited<ReturnType<typeof startSmtpServer>>;
let implicitTls: Awaited<ReturnType<typeof startSmtpServer>>;
beforeAll(async () => {
  // smtp-server's built-in self-signed certificate serves STARTTLS and implicit TLS.
  plain = await startSmtpServer({ disabledCommands: ['STARTTLS'], allowInsecureAuth: true });
  startTls = await startSmtpServer({});
  implicitTls = await startSmtpServer({ secure: true });
});
afterAll(async () => Promise.all([plain?.close(), startTls?.close(), implicitTls?.close()]));

const config = (overrides: Record<string, unknown> = {}) => ({
  type: 'smtp',
  smtpHost: '127.0.0.1',
  smtpPort: plain.port,
  smtpSecure: false,
  smtpUsername: 'kuma',
  smtpPassword: 's3cret',
  smtpFrom: '"Uptime Kuma" <kuma@watch.example>',
  smtpTo: 'ops@shop.example, oncall@shop.example',
  smtpCC: 'lead@shop.example',
  smtpBCC: 'audit@shop.example',
  ...overrides,
});

describe('smtp provider (docs/protocol/notification-providers.md#smtp)', () => {
  it('is registered under its Kuma type', () => {
    expect(providerFor('smtp')).toBe(smtpProvider);
  });

  it('mails a DOWN beat as plain text with the time line, to every recipient', async () => {
    const result = await smtpProvider.send(config(), downEvent(), TEST_CONTEXT);
    expect(result).toBe('Sent Successfully.');
    const mail = plain.received.at(-1);
    expect(mail).toMatchObject({
      from: 'kuma@watch.example',
      to: ['ops@shop.example', 'oncall@shop.example', 'lead@shop.example', 'audit@shop.example'],
      user: 'kuma',
    });
    expect(mail?.headers).toMatchObject({
      from: 'Uptime Kuma <kuma@watch.example>',
      to: 'ops@shop.example, oncall@shop.example',
      cc: 'lead@shop.example',
      subject: '[Shop API] [🔴 Down] Request failed with status code 503',
    });
    expect(mail?.headers).not.toHaveProperty('bcc');
    expect(mail?.headers['content-type']).toMatch(/^text\/plain/);
    expect(mail?.text).toBe(
      '[Shop API] [🔴 Down] Request failed with status code 503\r\nTime (Europe/Berlin): 2024-05-01 14:00:00',
    );
  });

  it('fills the custom subject macros for UP beats and for tests', async () => {
    const customSubject = '  [{{STATUS}}] {{NAME}} {{HOSTNAME_OR_URL}} {{STATUS}}  ';
    await smtpProvider.send(config({ customSubject }), upEvent(), TEST_CONTEXT);
    expect(plain.received.at(-1)?.headers.subject).toBe(
      '[✅ Up] Shop API https://shop.example/health ✅ Up',
    );
    const port = makeMonitorJSON({
      type: 'port',
      url: 'https://',
      hostname: 'db.internal',
      port: 5432,
    });
    await smtpProvider.send(config({ customSubject }), downEvent(port), TEST_CONTEXT);
    expect(plain.received.at(-1)?.headers.subject).toBe('[🔴 Down] Shop API db.internal 🔴 Down');
    await smtpProvider.send(config({ customSubject }), testMessage(), TEST_CONTEXT);
    const test = plain.received.at(-1);
    expect(test?.headers.subject).toBe('[⚠️ Test] Test testing.hostname ⚠️ Test');
    expect(test?.text).toBe('My Alert (1) Testing');
  });

  it('keeps the plain subject for certificate reminders, whatever the custom subject', async () => {
    const msg =
      '[Shop API][https://shop.example/health] server certificate shop.example will be expired in 7 days';
    await smtpProvider.send(
      config({ customSubject: '{{NAME}} alert' }),
      { msg, monitor: null, heartbeat: null },
      TEST_CONTEXT,
    );
    expect(plain.received.at(-1)?.headers.subject).toBe(msg);
  });

  it('reads smtpSecure "false" as false: a plain server still works', async () => {
    await smtpProvider.send(config({ smtpSecure: 'false' }), testMessage(), TEST_CONTEXT);
    expect(plain.received.at(-1)?.secure).toBe(false);
  });

  it('upgrades with STARTTLS when offered, checking the certificate unless told not to', async () => {
    const base = config({ smtpPort: startTls.port, smtpUsername: '', smtpPassword: '' });
    await expect(smtpProvider.send(base, testMessage(), TEST_CONTEXT)).rejects.toThrow(
      /certificate/,
    );
    await smtpProvider.send({ ...base, smtpIgnoreTLSError: true }, testMessage(), TEST_CONTEXT);
    expect(startTls.received.at(-1)).toMatchObject({ secure: true, user: false });
  });

  it('speaks TLS from the first byte when smtpSecure is true (or "true")', async () => {
    const secure = config({
      smtpPort: implicitTls.port,
      smtpSecure: 'true',
      smtpIgnoreTLSError: true,
    });
    await smtpProvider.send(secure, downEvent(), TEST_CONTEXT);
    expect(implicitTls.received.at(-1)).toMatchObject({ secure: true, user: 'kuma' });
  });

  it("answers with nodemailer's own messages for a bad login and a refused connection", async () => {
    await expect(
      smtpProvider.send(config({ smtpPassword: 'wrong' }), testMessage(), TEST_CONTEXT),
    ).rejects.toThrow(/^Invalid login: 535 Invalid username or password$/);
    await expect(
      smtpProvider.send(config({ smtpPort: 1 }), testMessage(), TEST_CONTEXT),
    ).rejects.toThrow(/^connect ECONNREFUSED 127\.0\.0\.1:1$/);
  });
});
