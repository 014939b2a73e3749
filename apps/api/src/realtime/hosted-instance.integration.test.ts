import { afterAll, describe, expect, it } from 'vitest';
import { OPERATOR_ONLY_MSG, PUBLIC_SETUP_DISABLED_MSG } from '@watchpost/core/services';
import { createApiTestContext, type ApiTestContext } from '../testing/api-test-context.js';

// docs/protocol/settings.md#instance-operations-in-a-multi-tenant-deployment: in a distributed deployment the instance is the operator's.

const contexts: ApiTestContext[] = [];
afterAll(async () => Promise.all(contexts.map((c) => c.close())));

async function hosted(env: Record<string, string> = {}): Promise<ApiTestContext> {
  const ctx = await createApiTestContext('hosted-instance', { mode: 'distributed', env });
  contexts.push(ctx);
  return ctx;
}

const userCount = async (ctx: ApiTestContext) =>
  (await ctx.db.selectFrom('users').select('id').execute()).length;

describe('a multi-tenant deployment', () => {
  it('refuses setup over the socket on a fresh database and creates nobody', async () => {
    const ctx = await hosted();
    const client = await ctx.connect();
    expect(await client.call('needSetup')).toBe(true);
    expect(await client.call('setup', 'squatter', 'secret123')).toEqual({
      ok: false,
      msg: PUBLIC_SETUP_DISABLED_MSG,
    });
    expect(await userCount(ctx)).toBe(0);
  });

  it('takes setup when the operator sets ALLOW_PUBLIC_SETUP=1', async () => {
    const ctx = await hosted({ ALLOW_PUBLIC_SETUP: '1' });
    const client = await ctx.connect();
    expect(await client.call('setup', 'owner', 'secret123')).toEqual({
      ok: true,
      msg: 'Added Successfully.',
    });
    expect(await userCount(ctx)).toBe(1);
  });

  it('keeps the size and the VACUUM of the shared database to the operator', async () => {
    const ctx = await hosted();
    const client = await ctx.connect();
    await client.login(await ctx.createUser('tenant-admin'));
    const refused = { ok: false, msg: OPERATOR_ONLY_MSG };
    expect(await client.call('getDatabaseSize')).toEqual(refused);
    expect(await client.call('shrinkDatabase')).toEqual(refused);
    // Everything else a tenant does still works.
    expect(await client.call('getSettings')).toMatchObject({ ok: true });
  });
});
