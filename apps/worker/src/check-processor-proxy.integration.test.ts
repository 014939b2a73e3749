import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { pino } from 'pino';
import {
  monitorInputSchema,
  proxyInputSchema,
  type CheckProxy,
  type Monitor,
} from '@watchpost/core';
import { monitorRepository, proxyRepository, tenantRepository } from '@watchpost/core/db';
import { openTestDatabase, type BackendTestDatabase } from '@watchpost/core/testing';
import type { BeatWriter } from './beat-writer.js';
import { createCheckConfigCache } from './check-config-cache.js';
import { createCheckProcessor } from './check-processor.js';
import { silentObserver } from './worker-observer.js';

// The processor hands each check the proxy loaded with its monitor (docs/protocol/proxies.md): the tenant's
// own, and never another tenant's whose id a monitor names.

let t: BackendTestDatabase;
const calls: { monitorId: number; proxy: CheckProxy | null | undefined }[] = [];

const beats: BeatWriter = {
  write: async () => true,
  publish: async () => undefined,
  flush: async () => undefined,
};

beforeAll(async () => {
  t = await openTestDatabase('pglite');
});
afterAll(async () => t?.drop());

describe('check processor with proxies', () => {
  it('runs the check through the monitor’s own tenant’s proxy only', async () => {
    const owner = (name: string) =>
      tenantRepository.createTenantWithAdmin(t.db, { name, username: name, passwordHash: 'x' });
    const a = await owner('a');
    const b = await owner('b');
    const proxy = proxyInputSchema.parse({
      protocol: 'http',
      host: '127.0.0.1',
      port: 3128,
      auth: true,
      username: 'u',
      password: 'p',
    });
    const { id: proxyId } = (await proxyRepository.saveProxy(
      t.db,
      a.tenantId,
      a.userId,
      null,
      proxy,
    ))!;
    const monitor = monitorInputSchema(20).parse({
      type: 'http',
      name: 'web',
      url: 'http://127.0.0.1:1/',
      accepted_statuscodes: ['200-299'],
      proxyId,
    });
    const mine = await monitorRepository.insertMonitor(t.db, a.tenantId, monitor, true);
    const theirs = await monitorRepository.insertMonitor(t.db, b.tenantId, monitor, true);

    const runCheck = vi.fn(async (m: Monitor, p?: CheckProxy | null) => {
      calls.push({ monitorId: m.id, proxy: p });
      return { status: 'up' as const, msg: '', pingMs: 1 };
    });
    const process = createCheckProcessor({
      db: t.db,
      beats,
      configs: createCheckConfigCache(t.db),
      observer: silentObserver,
      logger: pino({ level: 'silent' }),
      runCheck,
    });
    await process({ monitorId: mine, tenantId: a.tenantId, dueAt: Date.now() });
    await process({ monitorId: theirs, tenantId: b.tenantId, dueAt: Date.now() });

    expect(calls).toEqual([
      {
        monitorId: mine,
        proxy: {
          protocol: 'http',
          host: '127.0.0.1',
          port: 3128,
          auth: true,
          username: 'u',
          password: 'p',
        },
      },
      { monitorId: theirs, proxy: null },
    ]);
  });
});
