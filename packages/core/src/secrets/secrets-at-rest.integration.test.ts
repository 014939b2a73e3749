import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCheckTargets } from '../monitors/check-targets.js';
import { monitorInputSchema } from '../monitors/monitor-input.js';
import * as monitorRepository from '../monitors/monitor-repository.js';
import * as notificationRepository from '../notifications/notification-repository.js';
import { notificationInputSchema } from '../notifications/notification-wire.js';
import * as proxyRepository from '../proxies/proxy-repository.js';
import { proxyInputSchema } from '../proxies/proxy-wire.js';
import { createTenantWithAdmin } from '../tenants/tenant-repository.js';
import { openTestDatabase, type BackendTestDatabase } from '../testing/test-database.js';
import * as userRepository from '../users/user-repository.js';
import { rotateSecrets } from './rotate-secrets.js';
import { createSecretBox, type SecretKey } from './secret-box.js';
import { installSecretBox } from './secret-store.js';

// Architecture rule 7: what the service must send on is sealed in every column that holds it,
// while every reader above the repositories sees it in clear.

const SECRETS = {
  webhook: 'https://hooks.example/secret-webhook-path',
  botToken: 'bot-token-123456',
  proxyPassword: 'proxy-pass-9f8e',
  basicUser: 'basic-user-7a6b',
  basicPass: 'basic-pass-5c4d',
  header: 'Bearer header-token-3e2f',
  mqttPassword: 'mqtt-pass-1a0b',
  totp: 'JBSWY3DPEHPK3PXPSECRET',
};

const key = (id: string, fill: number): SecretKey => ({ id, key: Buffer.alloc(32, fill) });

let t: BackendTestDatabase;
let tenantId: number;
let userId: number;

/** Every row of the tables that hold secrets, as the text Postgres would dump. */
async function dumpedRows(): Promise<string> {
  const tables = ['monitors', 'notifications', 'proxies', 'users'];
  const dumps = await Promise.all(
    tables.map((table) =>
      sql<{ row: string }>`SELECT t::text AS row FROM ${sql.table(table)} t`.execute(t.db),
    ),
  );
  return dumps.flatMap((d) => d.rows.map((r) => r.row)).join('\n');
}

async function storeOneOfEach(): Promise<{ monitorId: number; proxyId: number }> {
  const { id: notificationId } = await notificationRepository.createNotification(
    t.db,
    tenantId,
    userId,
    notificationInputSchema.parse({
      name: 'ops',
      type: 'telegram',
      telegramBotToken: SECRETS.botToken,
      webhookURL: SECRETS.webhook,
    }),
  );
  const saved = await proxyRepository.saveProxy(
    t.db,
    tenantId,
    userId,
    null,
    proxyInputSchema.parse({
      protocol: 'http',
      host: 'proxy.example',
      port: 3128,
      auth: true,
      username: 'u',
      password: SECRETS.proxyPassword,
    }),
  );
  const monitorId = await monitorRepository.insertMonitor(
    t.db,
    tenantId,
    monitorInputSchema(20).parse({
      type: 'http',
      name: 'api',
      url: 'https://api.example/',
      accepted_statuscodes: ['200-299'],
      authMethod: 'basic',
      basic_auth_user: SECRETS.basicUser,
      basic_auth_pass: SECRETS.basicPass,
      headers: JSON.stringify({ Authorization: SECRETS.header }),
      mqttPassword: SECRETS.mqttPassword,
      proxyId: saved!.id,
      notificationIDList: { [notificationId]: true },
    }),
    true,
  );
  await userRepository.saveTwoFactorSecret(t.db, tenantId, userId, SECRETS.totp);
  return { monitorId, proxyId: saved!.id };
}

beforeAll(async () => {
  t = await openTestDatabase('postgres');
  ({ tenantId, userId } = await createTenantWithAdmin(t.db, {
    name: 'sealed',
    username: 'sealed',
    passwordHash: 'x',
  }));
});
afterAll(async () => t?.drop());

describe('secrets at rest', () => {
  it('stores no secret in clear, and every reader gets it back in clear', async () => {
    installSecretBox(createSecretBox([key('one', 1)]));
    const { monitorId, proxyId } = await storeOneOfEach();
    const dump = await dumpedRows();
    for (const secret of Object.values(SECRETS)) expect(dump).not.toContain(secret);

    const [notification] = await notificationRepository.listNotifications(t.db, tenantId);
    expect(notification?.config).toMatchObject({
      telegramBotToken: SECRETS.botToken,
      webhookURL: SECRETS.webhook,
    });
    const monitor = await monitorRepository.findMonitor(t.db, tenantId, monitorId);
    expect(monitor).toMatchObject({
      basicAuthUser: SECRETS.basicUser,
      basicAuthPass: SECRETS.basicPass,
      headers: JSON.stringify({ Authorization: SECRETS.header }),
      extra: { mqttPassword: SECRETS.mqttPassword },
    });
    expect((await proxyRepository.findProxy(t.db, tenantId, proxyId))?.password).toBe(
      SECRETS.proxyPassword,
    );
    // The worker's and the delivery side's own queries.
    const target = (await loadCheckTargets(t.db, [{ monitorId, tenantId }])).get(monitorId);
    expect(target?.proxy?.password).toBe(SECRETS.proxyPassword);
    const linked = await notificationRepository.linkedNotificationsOf(t.db, tenantId, [monitorId]);
    expect(linked.get(monitorId)?.[0]?.config).toMatchObject({ webhookURL: SECRETS.webhook });
    expect((await userRepository.findUser(t.db, tenantId, userId))?.twofaSecret).toBe(SECRETS.totp);
  });

  it('rotate-secrets seals clear rows and old-key rows with the current key, once', async () => {
    // A row written before encryption existed.
    await sql`UPDATE proxies SET password = 'clear-before-upgrade' WHERE tenant_id = ${tenantId}`.execute(
      t.db,
    );
    installSecretBox(createSecretBox([key('two', 2), key('one', 1)]));
    const first = await rotateSecrets({ db: t.db });
    expect(first).toEqual({
      keyId: 'two',
      resealed: { monitors: 1, notifications: 1, proxies: 1, users: 1 },
    });
    expect((await rotateSecrets({ db: t.db })).resealed).toEqual({
      monitors: 0,
      notifications: 0,
      proxies: 0,
      users: 0,
    });
    // The old key can go: everything opens with the new one alone.
    installSecretBox(createSecretBox([key('two', 2)]));
    const dump = await dumpedRows();
    expect(dump).not.toContain('clear-before-upgrade');
    expect(dump).not.toContain('wpsec1:one:');
    const [proxy] = await proxyRepository.listProxies(t.db, tenantId);
    expect(proxy?.password).toBe('clear-before-upgrade');
    const [monitor] = await monitorRepository.listMonitors(t.db, tenantId);
    expect(monitor?.basicAuthPass).toBe(SECRETS.basicPass);
    expect(monitor?.extra).toMatchObject({ mqttPassword: SECRETS.mqttPassword });
  });

  it('fails loudly, naming the key, when a secret was sealed with a key it does not hold', async () => {
    installSecretBox(createSecretBox([key('three', 3)]));
    await expect(proxyRepository.listProxies(t.db, tenantId)).rejects.toThrow(
      'A stored secret was sealed with key "two", which SECRETS_KEY lacks',
    );
    installSecretBox(createSecretBox([key('two', 2)]));
  });
});
