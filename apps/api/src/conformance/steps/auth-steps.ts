import { expect } from 'vitest';
import { waitFor } from '@watchpost/core/testing';
import { totpCode, WEAK_PASSWORD_MSG } from '@watchpost/core/auth';
import { userRepository } from '@watchpost/core/db';
import { DEFAULT_PASSWORD, type TestClient } from '../../testing/api-test-context.js';
import { EMPTY_ACK, fail, ok, okMsg, type Step } from '../conformance-step.js';
import type { World } from '../conformance-world.js';
import { read } from '../read-back.js';

// The authentication events of the docs/protocol/README.md#client-events index, specified in docs/protocol/authentication.md: setup on an empty
// database, login and its burst, 2FA, password change and logout, in the order a fresh
// install meets them. No second tenant here: none of these events takes an object id.

const USERNAME = 'alice';
const NEW_PASSWORD = 'changed456';
const NOT_LOGGED_IN = fail('You are not logged in.');
const SETUP_DONE_MSG =
  'Uptime Kuma has been initialized. If you want to run setup again, please delete the database.';
/** docs/protocol/authentication.md#two-factor-authentication: a 64-character secret is 103 base32 characters without padding. */
const PROVISIONING_URI = /^otpauth:\/\/totp\/Uptime%20Kuma:alice\?secret=[A-Z2-7]{103}$/;

/** docs/protocol/compatibility.md#setup-checklist step 3: the lists that must follow every login. */
const BURST = [
  'monitorList',
  'info',
  'maintenanceList',
  'notificationList',
  'proxyList',
  'dockerHostList',
  'apiKeyList',
  'statusPageList',
];

async function expectBurst(client: TestClient, since: number): Promise<void> {
  await waitFor(() => {
    const names = client.pushesSince(since).map((e) => e.event);
    expect(names).toEqual(expect.arrayContaining(BURST));
    const info = client.pushesSince(since, 'info').at(-1)!.args[0];
    expect(info).toMatchObject({ version: expect.stringMatching(/^1\.23\.\d+$/) });
  });
}

const secret = (w: World) => w.saved['secret'] as string;
const twoFAStatus = async (w: World) => (await read(w, 'twoFAStatus')).status;
const credentials = (password: string, token = '') => ({ username: USERNAME, password, token });

export function authSteps(): Step[] {
  return [
    {
      event: 'needSetup',
      title: 'true on an empty database',
      as: 'anon',
      args: () => [],
      ack: true,
    },
    {
      event: 'setup',
      title: 'a weak password',
      as: 'anon',
      args: () => [USERNAME, 'abcdef'],
      ack: fail(WEAK_PASSWORD_MSG),
      unchanged: (w) => w.anon.call('needSetup'),
    },
    {
      event: 'setup',
      title: 'creates the first user without logging in',
      as: 'anon',
      args: () => [USERNAME, DEFAULT_PASSWORD],
      ack: okMsg('Added Successfully.'),
      readBack: async (w) => {
        const user = (await userRepository.findUserByUsername(w.ctx.db, USERNAME))!;
        w.alice = {
          username: USERNAME,
          password: DEFAULT_PASSWORD,
          tenantId: user.tenantId,
          userId: user.id,
        };
        expect(await w.anon.call('getSettings')).toEqual(NOT_LOGGED_IN);
      },
    },
    {
      event: 'setup',
      title: 'once a user exists',
      as: 'anon',
      args: () => ['mallory', DEFAULT_PASSWORD],
      ack: fail(SETUP_DONE_MSG),
      readBack: async (w) => {
        expect(await userRepository.findUserByUsername(w.ctx.db, 'mallory')).toBeUndefined();
      },
    },
    { event: 'needSetup', title: 'false once set up', as: 'anon', args: () => [], ack: false },
    {
      event: 'login',
      title: 'a wrong password',
      args: () => [credentials('wrong-pass1')],
      ack: fail('Incorrect username or password.'),
      readBack: async (w) => expect(await w.a.call('getSettings')).toEqual(NOT_LOGGED_IN),
    },
    {
      event: 'login',
      title: 'answers a token; the login burst follows',
      args: () => [credentials(DEFAULT_PASSWORD)],
      ack: ok({ token: expect.any(String) }),
      readBack: async (w, { ack }) => {
        w.saved['token'] = (ack as { token: string }).token;
        await expectBurst(w.a, 0);
      },
    },
    {
      event: 'loginByToken',
      title: 'a token that does not verify',
      as: 'sibling',
      args: () => ['not.a.jwt'],
      ack: fail('Invalid token.'),
      readBack: async (w) => expect(await w.sibling.call('getSettings')).toEqual(NOT_LOGGED_IN),
    },
    {
      event: 'loginByToken',
      title: 'logs in with the token; the login burst follows',
      as: 'sibling',
      args: (w) => [w.saved['token']],
      ack: ok(),
      readBack: async (w) => expectBurst(w.sibling, 0),
    },
    { event: 'twoFAStatus', title: 'off', args: () => [], ack: ok({ status: false }) },
    {
      event: 'twoFAStatus',
      title: 'not logged in',
      as: 'anon',
      args: () => [],
      ack: NOT_LOGGED_IN,
    },
    {
      event: 'prepare2FA',
      title: 'a wrong current password',
      args: () => ['wrong-pass1'],
      ack: fail('Incorrect current password'),
      readBack: async (w) => {
        const user = await userRepository.findUserByUsername(w.ctx.db, USERNAME);
        expect(user?.twofaSecret).toBeNull();
      },
    },
    {
      event: 'prepare2FA',
      title: 'answers the provisioning URI; 2FA stays off',
      args: () => [DEFAULT_PASSWORD],
      ack: ok({ uri: expect.stringMatching(PROVISIONING_URI) }),
      readBack: async (w) => {
        const user = await userRepository.findUserByUsername(w.ctx.db, USERNAME);
        w.saved['secret'] = user!.twofaSecret;
        expect(await twoFAStatus(w)).toBe(false);
      },
    },
    {
      event: 'verifyToken',
      title: 'a wrong code',
      args: (w) => [totpCode(secret(w)) === '000000' ? '111111' : '000000', DEFAULT_PASSWORD],
      ack: { ok: false, msg: 'Invalid Token.', valid: false },
    },
    {
      event: 'verifyToken',
      title: 'the current code',
      args: (w) => [totpCode(secret(w)), DEFAULT_PASSWORD],
      ack: ok({ valid: true }),
    },
    {
      event: 'save2FA',
      title: 'a current password that is not text',
      args: () => [42],
      ack: fail('Wrong data type?'),
      unchanged: twoFAStatus,
    },
    {
      event: 'save2FA',
      title: 'turns 2FA on; login then asks for a code',
      args: () => [DEFAULT_PASSWORD],
      ack: okMsg('2FA Enabled.'),
      readBack: async (w) => {
        expect(await twoFAStatus(w)).toBe(true);
        const probe = await w.ctx.connect();
        expect(await probe.call('login', credentials(DEFAULT_PASSWORD))).toEqual({
          tokenRequired: true,
        });
        probe.close();
      },
    },
    {
      event: 'disable2FA',
      title: 'a wrong current password',
      args: () => ['wrong-pass1'],
      ack: fail('Incorrect current password'),
      unchanged: twoFAStatus,
    },
    {
      event: 'disable2FA',
      title: 'turns 2FA off',
      args: () => [DEFAULT_PASSWORD],
      ack: okMsg('2FA Disabled.'),
      readBack: async (w) => expect(await twoFAStatus(w)).toBe(false),
    },
    {
      event: 'changePassword',
      title: 'a weak new password',
      args: () => [{ currentPassword: DEFAULT_PASSWORD, newPassword: 'abcdef' }],
      ack: fail(WEAK_PASSWORD_MSG),
      readBack: async (w) => {
        // On a socket of its own: logging it out again would end every token of the user
        // (docs/protocol/authentication.md#logout).
        const probe = await w.ctx.connect();
        expect(await probe.call('loginByToken', w.saved['token'])).toEqual(ok());
        probe.close();
      },
    },
    {
      event: 'changePassword',
      title: 'changes it; other sockets get refresh, old tokens stop working',
      args: () => [{ currentPassword: DEFAULT_PASSWORD, newPassword: NEW_PASSWORD }],
      ack: okMsg('Password has been updated successfully.'),
      readBack: async (w) => {
        await waitFor(() => {
          expect(w.sibling.pushesSince(0, 'refresh')).toHaveLength(1);
          expect(w.sibling.socket.connected).toBe(false);
        });
        expect(await w.anon.call('loginByToken', w.saved['token'])).toEqual(fail('Invalid token.'));
        expect(await read(w, 'twoFAStatus')).toEqual(ok({ status: false }));
      },
    },
    {
      event: 'logout',
      title: 'acks with no arguments and ends the session',
      args: () => [],
      ack: EMPTY_ACK,
      readBack: async (w) => expect(await w.a.call('getSettings')).toEqual(NOT_LOGGED_IN),
    },
  ];
}
