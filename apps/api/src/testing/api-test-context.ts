import { Writable } from 'node:stream';
import { Redis } from 'ioredis';
import type { Kysely } from 'kysely';
import { pino, type Logger } from 'pino';
import { monitorInputSchema, type Deployment } from '@watchpost/core';
import { hashPassword } from '@watchpost/core/auth';
import { createRedisSocketAdapter } from '@watchpost/core/compose';
import { monitorRepository, tenantRepository, type Database } from '@watchpost/core/db';
import { createRedisChangeBus } from '@watchpost/core/changes';
import {
  connectKumaTestClient,
  createTestDatabase,
  TEST_REDIS_URL,
  type KumaTestClient,
  type KumaTestClientOptions,
  uniqueRedisPrefix,
  type TestDatabase,
} from '@watchpost/core/testing';
import { parseApiConfig } from '../config.js';
import { startApi, type ApiDeps, type RunningApi } from '../start-api.js';

/** Integration-test world: a fresh database, a private Redis prefix, API nodes in-process. */
export interface ApiTestContext {
  db: Kysely<Database>;
  /** The database's connection string, for a node that needs a pool of its own. */
  databaseUrl: string;
  redisPrefix: string;
  /** Every log line at warn or above, parsed, from every node. */
  logs: Record<string, unknown>[];
  /** The logger that writes into `logs`, for nodes a test starts itself. */
  logger: Logger;
  /** The first node; more join the same database and Redis with startNode. */
  node: TestNode;
  startNode(): Promise<TestNode>;
  /** A Redis connection closed with the context. */
  redis(): Redis;
  connect(node?: TestNode, options?: KumaTestClientOptions): Promise<TestClient>;
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

/** The recording socket client of `@watchpost/core/testing`. */
export type TestClient = KumaTestClient;

export const DEFAULT_PASSWORD = 'secret123';

export interface ApiTestOptions extends Pick<ApiDeps, 'egress' | 'domainVerification'> {
  /**
   * Whose instance the nodes serve: `embedded` (the default) has the one owner's policies,
   * which Kuma's own behaviour (setup over the socket, database maintenance) assumes;
   * `distributed` the multi-tenant ones. Storage is the real Postgres and Redis either way.
   */
  mode?: Deployment['mode'];
  env?: Record<string, string>;
}

export async function createApiTestContext(
  label: string,
  { mode = 'embedded', env = {}, egress, domainVerification }: ApiTestOptions = {},
): Promise<ApiTestContext> {
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
      socketAdapter: createRedisSocketAdapter(pub, sub, redisPrefix),
      probes: { redis: () => pub.ping() },
      changeBus: createRedisChangeBus(pub, sub, redisPrefix),
      logger,
      config: parseApiConfig({ PORT: '0', HOST: '127.0.0.1', ...env }, mode),
      egress,
      domainVerification,
    });
    const node = { url: `http://127.0.0.1:${api.port}`, api };
    nodes.push(node);
    return node;
  };

  const node = await startNode();
  return {
    db: database.db,
    databaseUrl: database.url,
    redisPrefix,
    logs,
    logger,
    node,
    startNode,
    redis,
    async connect(target = node, options) {
      const client = await connectKumaTestClient(target.url, options);
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

/** An `add` payload the way the Python client builds it for an HTTP monitor (docs/protocol/monitors.md#monitorinput). */
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
