import { Writable } from 'node:stream';
import { Redis } from 'ioredis';
import type { Kysely } from 'kysely';
import { pino } from 'pino';
import { io as connectSocket, type Socket as ClientSocket } from 'socket.io-client';
import { monitorInputSchema } from '@watchpost/core';
import { hashPassword } from '@watchpost/core/auth';
import { monitorRepository, tenantRepository, type Database } from '@watchpost/core/db';
import { createRedisMonitorChangeBus } from '@watchpost/core/queue';
import {
  createTestDatabase,
  TEST_REDIS_URL,
  uniqueRedisPrefix,
  type TestDatabase,
} from '@watchpost/core/testing';
import { parseApiConfig } from '../config.js';
import { startApi, type RunningApi } from '../start-api.js';

/** Integration-test world: a fresh database, a private Redis prefix, API nodes in-process. */
export interface ApiTestContext {
  db: Kysely<Database>;
  redisPrefix: string;
  /** Every log line at warn or above, parsed, from every node. */
  logs: Record<string, unknown>[];
  /** The first node; more join the same database and Redis with startNode. */
  node: TestNode;
  startNode(): Promise<TestNode>;
  /** A Redis connection closed with the context. */
  redis(): Redis;
  connect(node?: TestNode): Promise<TestClient>;
  /** Creates a tenant and its admin; answers what login needs. */
  createUser(username: string, password?: string): Promise<TestUser>;
  close(): Promise<void>;
}

export interface TestNode {
  url: string;
  api: RunningApi;
}

export interface TestUser {
  username: string;
  password: string;
  tenantId: number;
  userId: number;
}

export interface ReceivedEvent {
  /** A push's name, or `ack:<event>` for the reply to a call made through this client. */
  event: string;
  args: unknown[];
}

export interface TestClient {
  socket: ClientSocket;
  /** Pushes and acks in arrival order. */
  events: ReceivedEvent[];
  /** The ack's first argument. */
  call(event: string, ...args: unknown[]): Promise<unknown>;
  /** Every ack argument (for acks that are not one payload). */
  callRaw(event: string, ...args: unknown[]): Promise<unknown[]>;
  /** Resolves with the arguments of the first matching push received from now on. */
  waitFor(event: string, timeoutMs?: number): Promise<unknown[]>;
  /** Calls `login` and asserts success. */
  login(user: TestUser): Promise<string>;
  pushesSince(index: number, event?: string): ReceivedEvent[];
  close(): void;
}

export const DEFAULT_PASSWORD = 'secret123';
const CALL_TIMEOUT_MS = 3_000;

export async function createApiTestContext(label: string): Promise<ApiTestContext> {
  const database: TestDatabase = await createTestDatabase();
  const redisPrefix = uniqueRedisPrefix(label);
  const logs: Record<string, unknown>[] = [];
  const logger = pino(
    { level: 'warn' },
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        logs.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
        done();
      },
    }),
  );
  const redisClients: Redis[] = [];
  const nodes: TestNode[] = [];
  const clients: TestClient[] = [];

  const redis = () => {
    const client = new Redis(TEST_REDIS_URL);
    redisClients.push(client);
    return client;
  };

  const startNode = async (): Promise<TestNode> => {
    const pub = redis();
    const sub = redis();
    const api = await startApi({
      db: database.db,
      redis: { pub, sub },
      changeBus: createRedisMonitorChangeBus(pub, sub, redisPrefix),
      logger,
      config: parseApiConfig({ PORT: '0', HOST: '127.0.0.1', REDIS_PREFIX: redisPrefix }),
    });
    const node = { url: `http://127.0.0.1:${api.port}`, api };
    nodes.push(node);
    return node;
  };

  const node = await startNode();
  return {
    db: database.db,
    redisPrefix,
    logs,
    node,
    startNode,
    redis,
    async connect(target = node) {
      const client = await connectClient(target.url);
      clients.push(client);
      return client;
    },
    async createUser(username, password = DEFAULT_PASSWORD) {
      const created = await tenantRepository.createTenantWithAdmin(database.db, {
        name: `tenant of ${username}`,
        username,
        passwordHash: await hashPassword(password),
      });
      return { username, password, ...created };
    },
    async close() {
      for (const client of clients) client.close();
      await Promise.all(nodes.map((n) => n.api.close()));
      await Promise.all(redisClients.map((c) => c.quit()));
      await database.drop();
    },
  };
}

async function connectClient(url: string): Promise<TestClient> {
  const socket = connectSocket(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
  });
  const events: ReceivedEvent[] = [];
  const waiters: { event: string; resolve: (args: unknown[]) => void }[] = [];
  socket.onAny((event: string, ...args: unknown[]) => {
    events.push({ event, args });
    for (const waiter of waiters.filter((w) => w.event === event)) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(args);
    }
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });

  const callRaw = (event: string, ...args: unknown[]) =>
    new Promise<unknown[]>((resolve, reject) => {
      socket
        .timeout(CALL_TIMEOUT_MS)
        .emit(event, ...args, (error: Error | null, ...ack: unknown[]) => {
          if (error) return reject(new Error(`no ack for ${event} within ${CALL_TIMEOUT_MS} ms`));
          events.push({ event: `ack:${event}`, args: ack });
          resolve(ack);
        });
    });
  const call = async (event: string, ...args: unknown[]) => (await callRaw(event, ...args))[0];

  return {
    socket,
    events,
    call,
    callRaw,
    waitFor(event, timeoutMs = CALL_TIMEOUT_MS) {
      return new Promise((resolve, reject) => {
        const waiter = { event, resolve };
        waiters.push(waiter);
        setTimeout(() => {
          if (!waiters.includes(waiter)) return;
          waiters.splice(waiters.indexOf(waiter), 1);
          reject(new Error(`no ${event} within ${timeoutMs} ms`));
        }, timeoutMs);
      });
    },
    async login(user) {
      const reply = (await call('login', {
        username: user.username,
        password: user.password,
        token: '',
      })) as { ok: boolean; token: string };
      if (!reply.ok) throw new Error(`login failed: ${JSON.stringify(reply)}`);
      return reply.token;
    },
    pushesSince(index, event) {
      return events.slice(index).filter((e) => event === undefined || e.event === event);
    },
    close() {
      socket.close();
    },
  };
}

/** An `add` payload the way the Python client builds it for an HTTP monitor (spec §5.2). */
export function httpMonitorPayload(
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    type: 'http',
    name: 'web',
    interval: 60,
    retryInterval: 60,
    maxretries: 1,
    notificationIDList: {},
    upsideDown: false,
    resendInterval: 0,
    description: null,
    httpBodyEncoding: 'json',
    parent: null,
    url: 'http://127.0.0.1:1/',
    maxredirects: 10,
    accepted_statuscodes: ['200-299'],
    expiryNotification: false,
    ignoreTls: false,
    proxyId: null,
    method: 'GET',
    body: null,
    headers: null,
    authMethod: '',
    timeout: 48,
    hostname: null,
    packetSize: 56,
    port: null,
    dns_resolve_server: '1.1.1.1',
    dns_resolve_type: 'A',
    mqttUsername: '',
    mqttPassword: '',
    mqttTopic: '',
    mqttSuccessMessage: '',
    databaseConnectionString: '',
    ...overrides,
  };
}

/** Stores a monitor directly, bypassing the socket API. */
export async function insertMonitor(
  db: Kysely<Database>,
  tenantId: number,
  overrides: Record<string, unknown> = {},
  active = true,
): Promise<number> {
  const input = monitorInputSchema(20).parse(httpMonitorPayload(overrides));
  return monitorRepository.insertMonitor(db, tenantId, input, active);
}
