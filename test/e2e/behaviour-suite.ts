import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connectKumaTestClient,
  sleep,
  waitFor,
  type KumaTestClient,
} from '@watchpost/core/testing';
import { startHttpTarget, type HttpTarget } from '../support/targets.js';

/**
 * The end-to-end behaviour every deployment mode must show, written once. A mode supplies
 * how to create tenants and start its processes; the suite drives them only from outside,
 * through real Socket.IO clients, as a user's browser or script would.
 */
export interface DeploymentMode {
  name: string;
  /** Creates a tenant through the operator CLI, before the processes start. */
  createTenant(tenant: TenantSpec): Promise<void>;
  /** Starts the processes; both URLs reach the same deployment (they may be one node). */
  start(): Promise<RunningDeployment>;
}

export interface RunningDeployment {
  urls: [string, string];
  /** SIGTERM to every process; their exit codes. */
  stop(): Promise<(number | null)[]>;
  /** Heartbeats stored for a monitor, read from the storage once the processes stopped. */
  storedBeatCount(monitorId: number): Promise<number>;
}

export interface TenantSpec {
  name: string;
  username: string;
  password: string;
}

interface Beat {
  monitorID: number;
  status: number;
  important: boolean;
  msg: string;
}

const ACME: TenantSpec = { name: 'Acme', username: 'admin', password: 'secret123' };
const GLOBEX: TenantSpec = { name: 'Globex', username: 'globex', password: 'globex123' };

export function describeBehaviour(mode: DeploymentMode): void {
  describe(`${mode.name} deployment`, () => {
    let deployment: RunningDeployment;
    let target: HttpTarget;
    const clients: KumaTestClient[] = [];
    let onA: KumaTestClient;
    let onB: KumaTestClient;
    let otherTenant: KumaTestClient;
    let monitorId: number;

    const beatsOf = (client: KumaTestClient, id: number): Beat[] =>
      client.events
        .filter((e) => e.event === 'heartbeat' && (e.args[0] as Beat).monitorID === id)
        .map((e) => e.args[0] as Beat);
    /** The first push of `event` (matching `match`) this client has received or will receive. */
    const seen = (client: KumaTestClient, event: string, match?: (args: unknown[]) => boolean) =>
      client.waitFor(event, { match, includePast: true, timeoutMs: 10_000 });
    const connect = async (url: string) => {
      const client = await connectKumaTestClient(url, { callTimeoutMs: 10_000 });
      clients.push(client);
      return client;
    };
    const login = (client: KumaTestClient, tenant: TenantSpec) =>
      client.call<{ ok: boolean; token: string }>('login', {
        username: tenant.username,
        password: tenant.password,
        token: '',
      });

    beforeAll(async () => {
      target = await startHttpTarget();
      await mode.createTenant(ACME);
      await mode.createTenant(GLOBEX);
      deployment = await mode.start();
    }, 90_000);

    afterAll(async () => {
      for (const c of clients) c.close();
      await deployment?.stop();
      await target?.close();
    }, 60_000);

    it('logs in on one node and accepts the token on the other', async () => {
      const [urlA, urlB] = deployment.urls;
      onA = await connect(urlA);
      // Tenants exist, so there is nothing to set up and setup is refused.
      expect(await onA.call('needSetup')).toBe(false);
      expect(await onA.call('setup', 'intruder', 'secret123')).toMatchObject({ ok: false });
      const { ok, token } = await login(onA, ACME);
      expect(ok).toBe(true);

      onB = await connect(urlB);
      expect(await onB.call('loginByToken', token)).toEqual({ ok: true });
      const [info] = await seen(onB, 'info', (a) => 'version' in (a[0] as object));
      expect((info as { version: string }).version).toMatch(/^1\.23\.\d+$/);
      await seen(onB, 'monitorList');
    });

    it('refuses bad input with a clear answer and stays up', async () => {
      expect(await onA.call('add', { type: 'http', name: 'no url', interval: 1 })).toMatchObject({
        ok: false,
        msg: expect.any(String),
      });
      expect(await onA.call('getMonitor', 'not a number')).toMatchObject({ ok: false });
      expect(await onA.call('pauseMonitor', 987_654)).toMatchObject({ ok: false });
      expect(await onB.call('login', 'not an object')).toMatchObject({ ok: false });
      const res = await fetch(`${deployment.urls[0]}/healthz`);
      expect(res.status).toBe(200);
    });

    it('streams heartbeats of a monitor added through one node to the other', async () => {
      const created = await onA.call<{ ok: boolean; monitorID: number }>('add', {
        type: 'http',
        name: 'e2e target',
        url: target.url,
        interval: 1,
        retryInterval: 1,
        maxretries: 2,
        accepted_statuscodes: ['200-299'],
        notificationIDList: {},
      });
      expect(created).toMatchObject({ ok: true, msg: 'Added Successfully.' });
      monitorId = created.monitorID;
      const [first] = await seen(onB, 'heartbeat', (a) => (a[0] as Beat).monitorID === monitorId);
      expect(first).toMatchObject({
        monitorID: monitorId,
        status: 1,
        important: true,
        msg: '200 - OK',
      });
      await seen(onB, 'uptime', (a) => a[0] === monitorId && a[1] === 24);
      await seen(onB, 'avgPing', (a) => a[0] === monitorId);
    });

    it('goes PENDING, then DOWN after maxretries, then UP, marking only the changes important', async () => {
      await waitFor(() => beatsOf(onB, monitorId).length >= 2, { what: 'a second UP beat' });
      await target.stop();
      await waitFor(() => beatsOf(onB, monitorId).some((b) => b.status === 0), {
        timeoutMs: 15_000,
        what: 'a DOWN beat',
      });
      await target.start();
      await waitFor(
        () => {
          const beats = beatsOf(onB, monitorId);
          const down = beats.findIndex((b) => b.status === 0);
          return beats.slice(down).some((b) => b.status === 1);
        },
        { timeoutMs: 15_000, what: 'UP again' },
      );
      const statuses = beatsOf(onB, monitorId).map((b) => `${b.status}${b.important ? '!' : ''}`);
      // 1! first beat, 1… more UP, 2 2 (retries, not important), 0! DOWN, 0… , 1! back UP.
      const compact = statuses.filter((s, i) => s !== statuses[i - 1] || s.endsWith('!'));
      expect(compact.join(' ')).toMatch(/^1! 1 2 0! (0 )?1!/);
    });

    it('stops beats within one interval of a pause', async () => {
      expect(await onA.call('pauseMonitor', monitorId)).toEqual({
        ok: true,
        msg: 'Paused Successfully.',
      });
      await sleep(1500);
      const count = beatsOf(onB, monitorId).length;
      await sleep(2500);
      expect(beatsOf(onB, monitorId).length).toBe(count);
    });

    it('keeps a second tenant on the same node blind to all of it', async () => {
      otherTenant = await connect(deployment.urls[1]);
      expect((await login(otherTenant, GLOBEX)).ok).toBe(true);
      const [list] = await seen(otherTenant, 'monitorList');
      expect(list).toEqual({});
      expect(await otherTenant.call('getMonitor', monitorId)).toMatchObject({ ok: false });
      expect(await otherTenant.call('resumeMonitor', monitorId)).toMatchObject({ ok: false });
      expect(await otherTenant.call('deleteMonitor', monitorId)).toMatchObject({ ok: false });

      expect(await onA.call('resumeMonitor', monitorId)).toMatchObject({ ok: true });
      const resumedAt = Date.now();
      await seen(
        onB,
        'heartbeat',
        (a) => (a[0] as Beat).monitorID === monitorId && Date.now() >= resumedAt,
      );
      const leaked = otherTenant.events.filter(
        (e) =>
          ['heartbeat', 'avgPing', 'uptime', 'certInfo', 'heartbeatList'].includes(e.event) ||
          (e.event === 'monitorList' && Object.keys(e.args[0] as object).length > 0),
      );
      expect(leaked).toEqual([]);
    });

    it('deletes the monitor, and no beat of it reaches a client afterwards', async () => {
      expect(await onA.call('deleteMonitor', monitorId)).toEqual({
        ok: true,
        msg: 'Deleted Successfully.',
      });
      const [list] = await seen(
        onB,
        'monitorList',
        (a) => !(String(monitorId) in (a[0] as object)),
      );
      expect(list).toEqual({});
      await sleep(1500);
      const count = beatsOf(onB, monitorId).length;
      await sleep(1500);
      expect(beatsOf(onB, monitorId).length).toBe(count);
      expect(await onA.call('getMonitor', monitorId)).toMatchObject({ ok: false });
    });

    it('stops cleanly on SIGTERM, with the deleted monitor’s beats gone from storage', async () => {
      for (const c of clients) c.close();
      const codes = await deployment.stop();
      expect(codes.every((code) => code === 0)).toBe(true);
      expect(await deployment.storedBeatCount(monitorId)).toBe(0);
    }, 30_000);
  });
}
