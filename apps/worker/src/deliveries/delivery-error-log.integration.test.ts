import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOWN, monitorInputSchema } from '@watchpost/core';
import {
  heartbeatRepository,
  monitorRepository,
  notificationRepository,
  tenantRepository,
} from '@watchpost/core/db';
import { MAX_LOGGED_ERROR_CHARS } from '@watchpost/core/notifications';
import { createInProcessDeliveryQueue } from '@watchpost/core/queue';
import { createTestDatabase, waitFor, type TestDatabase } from '@watchpost/core/testing';
import { startDeliveryRunner } from './start-delivery-runner.js';

// A provider that fails with a long page repeating the request's headers: the operator's log
// gets a short error without the credential (architecture rule 7).
const TOKEN = 'Bearer tok-5f4e3d2c1b0a';
let t: TestDatabase;
let echo: Server;
let echoUrl: string;

beforeAll(async () => {
  t = await createTestDatabase();
  echo = createServer((req, res) => {
    res.writeHead(500, { 'Content-Type': 'text/plain' });
    res.end(`failed for ${JSON.stringify(req.headers)}\n${'stack frame\n'.repeat(2000)}`);
  });
  await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
  echoUrl = `http://127.0.0.1:${(echo.address() as AddressInfo).port}/hook`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => echo?.close(() => resolve()));
  await t?.drop();
});

describe('a failed delivery in the log', () => {
  it('is short and holds neither the Authorization header nor the webhook URL', async () => {
    const { tenantId, userId } = await tenantRepository.createTenantWithAdmin(t.db, {
      name: 'echo',
      username: 'echo',
      passwordHash: 'x',
    });
    const monitorId = await monitorRepository.insertMonitor(
      t.db,
      tenantId,
      monitorInputSchema(20).parse({
        type: 'http',
        name: 'api',
        url: 'http://127.0.0.1:1/',
        accepted_statuscodes: ['200-299'],
      }),
      true,
    );
    const { id } = await notificationRepository.createNotification(t.db, tenantId, userId, {
      name: 'hook',
      config: {
        name: 'hook',
        type: 'webhook',
        webhookURL: echoUrl,
        webhookContentType: 'json',
        webhookAdditionalHeaders: JSON.stringify({ Authorization: TOKEN }),
      },
      isDefault: false,
      applyExisting: false,
    });
    await notificationRepository.setMonitorNotifications(t.db, tenantId, monitorId, [id]);
    const lines: { msg: string; error?: string }[] = [];
    const logger = pino(
      { level: 'warn' },
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(JSON.parse(chunk.toString()) as { msg: string; error?: string });
          done();
        },
      }),
    );
    const queue = createInProcessDeliveryQueue({ concurrency: 1, onError: () => {} });
    const runner = await startDeliveryRunner({
      db: t.db,
      queue,
      consumer: queue,
      logger,
      sweepEveryMs: 25,
      attemptTimeoutMs: 5_000,
      retry: { baseDelayMs: 60_000, maxDelayMs: 60_000, giveUpAfterMs: 120_000 },
    });
    try {
      await heartbeatRepository.recordBeats(t.db, [
        {
          tenantId,
          monitorId,
          status: DOWN,
          msg: 'connect ECONNREFUSED',
          time: new Date(),
          pingMs: null,
          durationSec: 20,
          downCount: 0,
          important: true,
          retries: 1,
          nextDueAt: new Date(Date.now() + 60_000),
          notify: true,
        },
      ]);
      await waitFor(() => lines.some((l) => l.msg.startsWith('notification delivery failed')), {
        what: 'the failed attempt to be logged',
      });
    } finally {
      await runner.close();
    }
    const logged = lines.find((l) => l.msg.startsWith('notification delivery failed'))!;
    expect(logged.error).toMatch(/^Error: AxiosError: Request failed with status code 500/);
    expect(logged.error!.length).toBeLessThan(MAX_LOGGED_ERROR_CHARS + 40);
    const everything = JSON.stringify(lines);
    expect(everything).not.toContain('tok-5f4e3d2c1b0a');
    expect(everything).not.toContain(echoUrl);
  });
});
